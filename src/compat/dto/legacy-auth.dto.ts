import { Transform } from 'class-transformer';
import { Allow, IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { trim } from './legacy-transforms';

export class LegacySignupDto {
  @Transform(trim) @IsString() @Length(1, 100) username!: string;
  @Transform(trim) @IsString() @Length(1, 320) email!: string;
  @IsString() @Length(1, 200) password!: string;
  /** The seed let a client ask for `"admin"`; that is refused (403): admins are never self-made. */
  @IsOptional() @Allow() admin?: unknown;
}

export class LegacyLoginDto {
  /** Username (or email). */
  @Transform(trim) @IsString() @Length(1, 320) username!: string;
  @IsString() @Length(1, 200) password!: string;
  /** Must match the account's role: `true` logs in an admin, `false` a user. */
  @IsOptional() @IsBoolean() admin?: boolean;
}

export class LegacyLoginResponse {
  access_token!: string;
  /** Not in the seed: lets an updated client use POST /auth/refresh. */
  refresh_token!: string;
  userinfo!: { userid: number; email: string };
}

export class LegacyMessageResponse {
  message!: string;
}
