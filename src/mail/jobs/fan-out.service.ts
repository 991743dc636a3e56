import { Inject, Injectable } from '@nestjs/common';
import { JobsConfig, jobsConfig } from '../../config';
import { UsersService } from '../../users/users.service';
import type { NotificationKind } from '../../users/users.types';
import type { ScheduledJob, SendMailJob } from '../mail.constants';
import { MailQueue } from '../mail.queue';
import { RemindersRepository } from '../reminders.repository';

const PAGE = 500;

/**
 * Turns one scheduled run into one mail job per recipient, a page of users at a time (keyset on
 * id), so memory stays flat however many users there are. Re-running it is harmless: mail job
 * ids are deterministic and the sent-log refuses a second send.
 */
@Injectable()
export class FanOutService {
  constructor(
    private readonly users: UsersService,
    private readonly reminders: RemindersRepository,
    private readonly mailQueue: MailQueue,
    @Inject(jobsConfig.KEY) private readonly jobs: JobsConfig,
  ) {}

  /** Returns how many emails were enqueued (or were already queued). */
  async run(
    name: ScheduledJob,
    period: string,
    progress?: (n: number) => Promise<void>,
  ): Promise<number> {
    const preference: NotificationKind = name === 'daily-reminder' ? 'reminders' : 'reports';
    let afterId = 0;
    let total = 0;
    for (;;) {
      const page = await this.users.listRecipients(preference, afterId, PAGE);
      if (page.length === 0) return total;
      const ids = await this.eligible(
        name,
        period,
        page.map((u) => u.id),
      );
      const jobs: SendMailJob[] = ids.map((userId) => ({ kind: name, period, userId }));
      await this.mailQueue.enqueueMany(jobs);
      total += jobs.length;
      afterId = page[page.length - 1].id;
      await progress?.(total);
    }
  }

  /** The daily reminder skips whoever already booked a show this month. */
  private async eligible(name: ScheduledJob, period: string, ids: number[]): Promise<number[]> {
    if (name !== 'daily-reminder') return ids;
    const month = period.slice(0, 7);
    const booked = await this.reminders.findUsersWithBookingInMonth(ids, month, this.jobs.timezone);
    return ids.filter((id) => !booked.has(id));
  }
}
