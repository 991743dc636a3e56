import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, appConfig, JobsConfig, jobsConfig } from '../config';
import { formatShowTime, monthTitle } from '../reports/calendar';
import { formatNumber } from '../reports/format';
import { ReportsService } from '../reports/reports.service';
import type { UserSummary } from '../users/users.types';
import type { ShowCancelledPayload } from './cancellation-notifier';
import type { SendMailJob } from './mail.constants';
import { RemindersRepository } from './reminders.repository';
import type { UnsubscribeScope } from './unsubscribe/unsubscribe-token';

/** One email, ready for the layout: who, what template, with what, and what unsubscribes it. */
export interface ComposedEmail {
  subject: string;
  template: 'daily-reminder' | 'monthly-report' | 'show-cancelled';
  context: Record<string, unknown>;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
  unsubscribe: UnsubscribeScope;
}

const REMINDER_SHOWS = 5;

/**
 * Decides, at send time, whether an email still applies (preferences change, people book) and
 * gathers what its template needs. Null means "do not send".
 */
@Injectable()
export class MailComposer {
  constructor(
    private readonly reminders: RemindersRepository,
    private readonly reports: ReportsService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
    @Inject(jobsConfig.KEY) private readonly jobs: JobsConfig,
  ) {}

  compose(job: SendMailJob, user: UserSummary, payload: object): Promise<ComposedEmail | null> {
    switch (job.kind) {
      case 'daily-reminder':
        return this.dailyReminder(job.period, user);
      case 'monthly-report':
        return this.monthlyReport(job.period, user);
      case 'show-cancelled':
        return Promise.resolve(this.showCancelled(payload as ShowCancelledPayload));
    }
  }

  private async dailyReminder(date: string, user: UserSummary): Promise<ComposedEmail | null> {
    const month = date.slice(0, 7);
    if (!user.remindersEnabled || user.role !== 'user') return null;
    const booked = await this.reminders.findUsersWithBookingInMonth(
      [user.id],
      month,
      this.jobs.timezone,
    );
    if (booked.has(user.id)) return null;
    const shows = await this.reminders.findUpcomingShows(REMINDER_SHOWS);
    return {
      subject: `${monthTitle(month)}: a few shows you might like`,
      template: 'daily-reminder',
      unsubscribe: 'reminders',
      context: {
        monthTitle: monthTitle(month),
        shows: shows.map((s) => ({
          name: s.name,
          genre: s.genre,
          language: s.language,
          venueName: s.venueName,
          location: s.location,
          startsAtLocal: formatShowTime(new Date(s.startsAt), s.timezone),
          price: formatNumber(s.price),
          url: `${this.app.appUrl}/shows/${s.id}`,
        })),
      },
    };
  }

  private async monthlyReport(month: string, user: UserSummary): Promise<ComposedEmail | null> {
    if (!user.reportsEnabled || user.role !== 'user') return null;
    const { report, pdf, filename } = await this.reports.monthlyReportPdf(user.id, month);
    return {
      subject: `Your Monthly Entertainment Report for ${monthTitle(month)}`,
      template: 'monthly-report',
      unsubscribe: 'reports',
      attachments: [{ filename, content: pdf, contentType: 'application/pdf' }],
      context: {
        monthTitle: monthTitle(month),
        bookingCount: report.totals.bookings,
        seats: report.totals.seats,
        amount: formatNumber(report.totals.amount),
        upcomingCount: report.upcoming.length,
        favouriteGenres: report.favouriteGenres.join(', '),
        reportUrl: `${this.app.appUrl}/reports/monthly?month=${month}`,
      },
    };
  }

  /** Sent whatever the preferences say: it is about the user's own booking. */
  private showCancelled(p: ShowCancelledPayload): ComposedEmail {
    return {
      subject: `Cancelled: ${p.showName} at ${p.venueName}`,
      template: 'show-cancelled',
      unsubscribe: 'all',
      context: {
        showName: p.showName,
        venueName: p.venueName,
        startsAtLocal: formatShowTime(new Date(p.startsAt), p.timezone),
        seats: p.seats,
      },
    };
  }
}
