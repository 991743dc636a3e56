import { IsEmail, IsString, Matches, MaxLength } from 'class-validator';
import { MeetsPasswordPolicy } from '../password-policy';

export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,30}$/;

/** A new account. The role is always `user`; a `role` field is rejected as unknown. */
export class SignupDto {
  /**
   * 3–30 letters, digits, `_`, `.` or `-`; unique regardless of case.
   * @example "asha_k"
   */
  @IsString()
  @Matches(USERNAME_PATTERN, {
    message: 'username must be 3-30 characters: letters, digits, _ . or -',
  })
  username!: string;

  /** Unique; stored lower-case. @example "asha@example.com" */
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  /**
   * At least 10 characters mixing at least two kinds: lower-case, upper-case, digits, others.
   * @example "correct-horse-battery-9"
   */
  @MeetsPasswordPolicy()
  password!: string;
}
