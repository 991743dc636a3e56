import { IsBoolean, IsOptional } from 'class-validator';

/** Which emails to receive; omitted fields stay as they are. */
export class UpdatePreferencesDto {
  /** The daily reminder when you have not booked this month. */
  @IsOptional()
  @IsBoolean()
  reminders?: boolean;

  /** The monthly report with its PDF. */
  @IsOptional()
  @IsBoolean()
  reports?: boolean;
}

/** The caller's email preferences. */
export class PreferencesDto {
  /** Receives the daily reminder. */
  reminders!: boolean;
  /** Receives the monthly report. */
  reports!: boolean;
}
