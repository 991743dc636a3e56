import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import type { Job, Queue } from 'bull';
import { JobsConfig, jobsConfig } from '../config';
import { enqueueHourly } from '../redis/queue.util';
import {
  BOOKINGS_MAINTENANCE_QUEUE,
  PURGE_IDEMPOTENCY_KEYS_JOB,
  PurgeIdempotencyKeysJob,
} from './bookings-maintenance';

/** Worker role only. The cron fires in every worker: it only enqueues, with an hourly job id. */
@Injectable()
export class BookingsMaintenanceScheduler {
  constructor(
    @InjectQueue(BOOKINGS_MAINTENANCE_QUEUE) private readonly queue: Queue<PurgeIdempotencyKeysJob>,
    @Inject(jobsConfig.KEY) private readonly jobs: JobsConfig,
  ) {}

  @Cron('41 * * * *', { name: 'bookings-idempotency-purge' })
  async onSchedule(): Promise<void> {
    if (this.jobs.schedulesEnabled) await this.enqueuePurge(new Date());
  }

  enqueuePurge(at: Date): Promise<Job<PurgeIdempotencyKeysJob>> {
    return enqueueHourly(
      this.queue,
      PURGE_IDEMPOTENCY_KEYS_JOB,
      {},
      PURGE_IDEMPOTENCY_KEYS_JOB,
      at,
    );
  }
}
