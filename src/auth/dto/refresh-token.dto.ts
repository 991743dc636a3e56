import { IsString, Length } from 'class-validator';

/** A refresh token from login or the previous refresh. */
export class RefreshTokenDto {
  /** The opaque refresh token. */
  @IsString()
  @Length(1, 200)
  refreshToken!: string;
}
