import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuthConfig, authConfig } from '../config';
import type { AuthUser } from '../common/decorators';
import type { AccessTokenClaims } from './jwt.strategy';

/** Signs access tokens. Refresh tokens are opaque and live in RefreshTokenService. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  signAccessToken(user: AuthUser): { token: string; expiresIn: number } {
    const claims: AccessTokenClaims = {
      sub: String(user.id),
      username: user.username,
      role: user.role,
      jti: randomUUID(),
    };
    const token = this.jwt.sign(claims, {
      secret: this.config.secret,
      algorithm: 'HS256',
      expiresIn: this.config.accessTtlSeconds,
      issuer: this.config.issuer,
      audience: this.config.audience,
    });
    return { token, expiresIn: this.config.accessTtlSeconds };
  }
}
