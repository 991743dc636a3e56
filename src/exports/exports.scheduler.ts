import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Job, Queue } from 'bull';
import { CronJob } from 'cron';
import { JobsConfig, jobsConfig } from '../config';
import { enqueue } from '../redis/queue.util';
import {
  EXPORT_RETENTION_JOB,
  EXPORTS_QUEUE,
  ExportRetentionJob,
  RETENTION_CRON,
} from './exports.constants';
import { dateInZone } from '../common/zoned-time';

/**
 * Worker-only cron trigger for the retention sweep. Cron fires in every worker process
 * (nestjs/schedule#273), so it only enqueues, with a job id fixed per day: one sweep a day.
 */
@Injectable()
export class ExportsScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(ExportsScheduler.name);

  constructor(
    @InjectQueue(EXPORTS_QUEUE) private readonly queue: Queue<ExportRetentionJob>,
    private readonly registry: SchedulerRegistry,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.schedulesEnabled) return;
    const job = CronJob.from({
      cronTime: RETENTION_CRON,
      timeZone: this.config.timezone,
      onTick: () => {
        this.enqueueRetention().catch((err: Error) =>
          this.logger.error({ msg: 'Could not enqueue export retention' }, err.stack),
        );
      },
    });
    this.registry.addCronJob('exports-retention', job);
    job.start();
  }

  /** Job id `exports-retention:<YYYY-MM-DD>` (day in SCHEDULE_TIMEZONE). */
  enqueueRetention(now = new Date()): Promise<Job<ExportRetentionJob>> {
    const day = dateInZone(now, this.config.timezone);
    return enqueue(
      this.queue,
      EXPORT_RETENTION_JOB,
      { day },
      {
        jobId: `exports-retention:${day}`,
        attempts: 3,
        backoff: { type: 'exponential', delay: 60_000 },
      },
    );
  }
}
