import { JwtService } from '@nestjs/jwt';
import type { AuthConfig } from '../config';
import { JwtStrategy } from './jwt.strategy';
import { TokenService } from './token.service';

const config = {
  secret: 'unit-secret-0123456789-abcdefghijklmnop',
  secretGenerated: false,
  issuer: 'ticket-show',
  audience: 'ticket-show-api',
  accessTtlSeconds: 900,
  refreshTtlSeconds: 604_800,
  rateLimitPerMinute: 30,
  admin: undefined,
} as AuthConfig;

describe('TokenService', () => {
  const jwt = new JwtService();
  const service = new TokenService(jwt, config);
  const user = { id: 7, username: 'asha', role: 'admin' as const };

  it('signs an HS256 token with sub, role, jti, iss, aud and the configured lifetime', () => {
    const { token, expiresIn } = service.signAccessToken(user);
    expect(expiresIn).toBe(900);
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = jwt.verify(token, {
      secret: config.secret,
      algorithms: ['HS256'],
      issuer: 'ticket-show',
      audience: 'ticket-show-api',
    });
    expect(claims).toMatchObject({ sub: '7', username: 'asha', role: 'admin' });
    expect(claims.exp - claims.iat).toBe(900);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives every token its own jti', () => {
    const a = jwt.decode(service.signAccessToken(user).token);
    const b = jwt.decode(service.signAccessToken(user).token);
    expect(a.jti).not.toBe(b.jti);
  });

  it('does not verify under another secret', () => {
    const { token } = service.signAccessToken(user);
    expect(() => jwt.verify(token, { secret: 'x'.repeat(40), algorithms: ['HS256'] })).toThrow();
  });
});

describe('JwtStrategy.validate', () => {
  const strategy = new JwtStrategy(config);

  it('maps claims to the caller', () => {
    expect(strategy.validate({ sub: '7', username: 'asha', role: 'user', jti: 'j' })).toEqual({
      id: 7,
      username: 'asha',
      role: 'user',
    });
  });

  it('refuses a non-numeric subject or an unknown role', () => {
    expect(strategy.validate({ sub: 'x', username: 'a', role: 'user', jti: 'j' })).toBe(false);
    expect(strategy.validate({ sub: '7', username: 'a', role: 'root' as 'user', jti: 'j' })).toBe(
      false,
    );
  });
});
