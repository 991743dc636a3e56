import { IsOptional, Matches } from 'class-validator';
import { MONTH_PATTERN } from '../calendar';

export class MonthlyReportQueryDto {
  /**
   * The month whose shows' bookings the report covers, `YYYY-MM` (default: last month in
   * SCHEDULE_TIMEZONE).
   * @example 2026-11
   */
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: 'month must be YYYY-MM (e.g. 2026-11)' })
  month?: string;
}
