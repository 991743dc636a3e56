import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import type { Job, Queue } from 'bull';
import { JobsConfig, jobsConfig } from '../config';
import { enqueueHourly } from '../redis/queue.util';
import {
  AUTH_MAINTENANCE_QUEUE,
  CLEANUP_JOB_ID_PREFIX,
  CLEANUP_REFRESH_TOKENS_JOB,
  CleanupRefreshTokensJob,
} from './auth-maintenance';

/** Worker role only. Cron fires in every worker: it only enqueues, with an hourly job id. */
@Injectable()
export class AuthMaintenanceScheduler {
  constructor(
    @InjectQueue(AUTH_MAINTENANCE_QUEUE) private readonly queue: Queue<CleanupRefreshTokensJob>,
    @Inject(jobsConfig.KEY) private readonly jobs: JobsConfig,
  ) {}

  @Cron('23 * * * *', { name: 'auth-cleanup' })
  async onSchedule(): Promise<void> {
    if (this.jobs.schedulesEnabled) await this.enqueueCleanup(new Date());
  }

  enqueueCleanup(at: Date): Promise<Job<CleanupRefreshTokensJob>> {
    return enqueueHourly(this.queue, CLEANUP_REFRESH_TOKENS_JOB, {}, CLEANUP_JOB_ID_PREFIX, at);
  }
}
