import { ApiProperty } from '@nestjs/swagger';

/** An access token and the refresh token that renews it. */
export class TokenPairDto {
  /** HS256 JWT; send it as `Authorization: Bearer <token>`. */
  accessToken!: string;
  /** Opaque; exchange it at `POST /auth/refresh` (once) for a new pair. */
  refreshToken!: string;
  @ApiProperty({ enum: ['Bearer'], example: 'Bearer' })
  tokenType!: 'Bearer';
  /** Seconds until the access token expires. @example 900 */
  expiresIn!: number;
}
