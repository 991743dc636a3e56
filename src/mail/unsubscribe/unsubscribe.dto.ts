import { IsString, Matches, MaxLength } from 'class-validator';

export class UnsubscribeQueryDto {
  /** The signed token from the email's unsubscribe link. */
  @IsString()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_.-]+$/, { message: 'token is malformed' })
  token!: string;
}

export class UnsubscribeResultDto {
  /** Always true: the kind of email named by the token is now off. */
  unsubscribed!: boolean;
  /** `reminders`, `reports` or `all` (every optional email). */
  scope!: string;
}

export class UnsubscribeInfoDto {
  /** `reminders`, `reports` or `all`: what a POST with this token turns off. */
  scope!: string;
}
