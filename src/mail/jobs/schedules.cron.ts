import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { JobsConfig, jobsConfig } from '../../config';
import type { ScheduledJob } from '../mail.constants';
import { SchedulesService } from './schedules.service';

/**
 * Worker-only cron triggers from DAILY_REMINDER_CRON / MONTHLY_REPORT_CRON in SCHEDULE_TIMEZONE.
 * They only enqueue (with a deterministic job id), so every worker may fire them.
 */
@Injectable()
export class SchedulesCron implements OnApplicationBootstrap {
  private readonly logger = new Logger(SchedulesCron.name);

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly schedules: SchedulesService,
    @Inject(jobsConfig.KEY) private readonly jobs: JobsConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.jobs.schedulesEnabled) return;
    this.add('daily-reminder', this.jobs.dailyReminderCron);
    this.add('monthly-report', this.jobs.monthlyReportCron);
  }

  private add(name: ScheduledJob, cronTime: string): void {
    const job = CronJob.from({
      cronTime,
      timeZone: this.jobs.timezone,
      onTick: () => {
        this.schedules
          .enqueueScheduled(name)
          .then((run) => this.logger.log(`Enqueued ${run.jobId}`))
          .catch((err: Error) => this.logger.error(`Could not enqueue ${name}: ${err.message}`));
      },
    });
    this.registry.addCronJob(name, job);
    job.start();
  }
}
