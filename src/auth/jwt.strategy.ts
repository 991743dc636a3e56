import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthConfig, authConfig } from '../config';
import type { AuthUser } from '../common/decorators';
import { USER_ROLES, UserRole } from '../users/entities/user.entity';

/** Claims of our access tokens. */
export interface AccessTokenClaims {
  sub: string;
  username: string;
  role: UserRole;
  jti: string;
}

/** Verifies HS256 access tokens (algorithm pinned, iss/aud checked, expiry enforced). */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(authConfig.KEY) config: AuthConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.secret,
      algorithms: ['HS256'],
      issuer: config.issuer,
      audience: config.audience,
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): AuthUser | false {
    const id = Number(claims.sub);
    if (!Number.isInteger(id) || !USER_ROLES.includes(claims.role)) return false;
    return { id, username: claims.username, role: claims.role };
  }
}
