import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { JobsConfig, jobsConfig, MailConfig, mailConfig } from '../../config';
import { enqueue } from '../../redis/queue.util';
import { localDate, localMonth, previousMonth } from '../../reports/calendar';
import { FanOutJob, SCHEDULES_QUEUE, ScheduledJob } from '../mail.constants';

export interface FanOutRun {
  jobId: string;
  name: ScheduledJob;
  /** `YYYY-MM-DD` for the daily reminder, the covered `YYYY-MM` for the monthly report. */
  period: string;
}

/** Enqueues the fan-out jobs (from the crons and from POST /admin/jobs/:name/run). */
@Injectable()
export class SchedulesService {
  constructor(
    @InjectQueue(SCHEDULES_QUEUE) private readonly queue: Queue<FanOutJob>,
    @Inject(jobsConfig.KEY) private readonly jobs: JobsConfig,
    @Inject(mailConfig.KEY) private readonly mail: MailConfig,
  ) {}

  /** The period a run started at `now` is for, in SCHEDULE_TIMEZONE. */
  periodOf(name: ScheduledJob, now = new Date()): string {
    const tz = this.jobs.timezone;
    return name === 'daily-reminder' ? localDate(tz, now) : previousMonth(localMonth(tz, now));
  }

  /**
   * A cron tick: the job id is the period alone, so every worker's cron (they all fire,
   * nestjs/schedule#273) adds the same job and Bull keeps one.
   */
  enqueueScheduled(name: ScheduledJob): Promise<FanOutRun> {
    const period = this.periodOf(name);
    return this.add(name, period, `${name}:${period}`);
  }

  /**
   * An admin's "run now": its own job id, so it runs even when today's scheduled run already
   * has; the sent-log still lets nobody get a second email for the period.
   */
  runNow(name: ScheduledJob): Promise<FanOutRun> {
    const period = this.periodOf(name);
    return this.add(name, period, `${name}:${period}:run-${Date.now().toString(36)}`);
  }

  private async add(name: ScheduledJob, period: string, jobId: string): Promise<FanOutRun> {
    await enqueue(
      this.queue,
      name,
      { period },
      {
        jobId,
        attempts: 3,
        backoff: { type: 'exponential', delay: this.mail.retryDelayMs },
      },
    );
    return { jobId, name, period };
  }
}
