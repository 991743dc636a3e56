import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { FanOutJob, SCHEDULES_QUEUE } from '../mail.constants';
import { FanOutService } from './fan-out.service';

/** Worker side of the `schedules` queue: one job per scheduled (or admin-triggered) run. */
@Processor(SCHEDULES_QUEUE)
export class SchedulesProcessor {
  constructor(private readonly fanOut: FanOutService) {}

  @Process('daily-reminder')
  dailyReminder(job: Job<FanOutJob>): Promise<number> {
    return this.fanOut.run('daily-reminder', job.data.period, (n) => job.progress(n));
  }

  @Process('monthly-report')
  monthlyReport(job: Job<FanOutJob>): Promise<number> {
    return this.fanOut.run('monthly-report', job.data.period, (n) => job.progress(n));
  }
}
