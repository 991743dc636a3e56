import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '../redis/redis.module';
import { tooManyAttempts, withRateLimitStore } from './auth.errors';

export const MAX_FAILED_LOGINS = 5;
export const FAILED_LOGIN_WINDOW_SECONDS = 15 * 60;

/**
 * Failed logins per account in Redis (shared by every instance): after MAX_FAILED_LOGINS
 * failures within the window, the account answers 429 until the window ends, even to the right
 * password. The window starts at the first failure; a successful login clears it.
 */
@Injectable()
export class LoginAttemptsService {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  private key(account: string): string {
    return `auth:login-failures:${account}`;
  }

  async assertNotLocked(account: string): Promise<void> {
    const key = this.key(account);
    const [count, ttlMs] = await withRateLimitStore(() =>
      Promise.all([this.redis.get(key), this.redis.pttl(key)]),
    );
    if (Number(count ?? 0) >= MAX_FAILED_LOGINS) {
      const seconds = ttlMs > 0 ? Math.ceil(ttlMs / 1000) : FAILED_LOGIN_WINDOW_SECONDS;
      throw tooManyAttempts(seconds);
    }
  }

  async recordFailure(account: string): Promise<void> {
    const key = this.key(account);
    // NX: the window is fixed at the first failure; later failures do not extend it.
    await withRateLimitStore(() =>
      this.redis.multi().incr(key).expire(key, FAILED_LOGIN_WINDOW_SECONDS, 'NX').exec(),
    );
  }

  async reset(account: string): Promise<void> {
    await withRateLimitStore(() => this.redis.del(this.key(account)));
  }
}
