export class JobRunDto {
  /** The Bull job id of this run. */
  jobId!: string;
  /** `daily-reminder` or `monthly-report`. */
  name!: 'daily-reminder' | 'monthly-report';
  /** `YYYY-MM-DD` (daily reminder) or the `YYYY-MM` a monthly report covers, in SCHEDULE_TIMEZONE. */
  period!: string;
}
