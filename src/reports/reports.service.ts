import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/errors';
import { JobsConfig, jobsConfig } from '../config';
import { localMonth, previousMonth } from './calendar';
import { UsersService } from '../users/users.service';
import { renderMonthlyReportPdf, UPCOMING_LIMIT } from './pdf/monthly-report.pdf';
import { ReportsRepository } from './reports.repository';
import type { MonthlyReport } from './reports.types';

export const UPCOMING_DAYS = 30;

export interface MonthlyReportPdf {
  report: MonthlyReport;
  pdf: Buffer;
  filename: string;
}

/** The Monthly Entertainment Report: the same data and PDF for the email and for the API. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly users: UsersService,
    @Inject(jobsConfig.KEY) private readonly jobs: JobsConfig,
  ) {}

  /** The month a report covers by default: last month in the schedule's time zone. */
  defaultMonth(now = new Date()): string {
    return previousMonth(localMonth(this.jobs.timezone, now));
  }

  /** Bookings for shows in `month` (schedule zone) and the next 30 days' shows, for one user. */
  async buildMonthlyReport(
    userId: number,
    month: string,
    now = new Date(),
  ): Promise<MonthlyReport> {
    const user = await this.users.findById(userId);
    if (!user) throw new NotFoundError('USER.NOT_FOUND', 'This account no longer exists.');
    const [bookings, favouriteGenres, upcoming] = await Promise.all([
      this.reports.findBookingsForShowsInMonth(userId, month, this.jobs.timezone),
      this.reports.findFavouriteGenres(userId),
      this.reports.findUpcomingForUser(userId, now, UPCOMING_DAYS, UPCOMING_LIMIT),
    ]);
    const totals = {
      bookings: bookings.length,
      seats: bookings.reduce((sum, b) => sum + b.seats, 0),
      amount: bookings.reduce((sum, b) => sum + b.amount, 0),
    };
    return {
      userId,
      name: user.username,
      month,
      generatedAt: now,
      bookings,
      totals,
      favouriteGenres,
      upcoming,
      upcomingDays: UPCOMING_DAYS,
    };
  }

  async monthlyReportPdf(userId: number, month: string): Promise<MonthlyReportPdf> {
    const report = await this.buildMonthlyReport(userId, month);
    return {
      report,
      pdf: await renderMonthlyReportPdf(report),
      filename: `monthly-report-${month}.pdf`,
    };
  }
}
