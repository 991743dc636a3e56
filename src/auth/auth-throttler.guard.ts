import { applyDecorators, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { ApiProblems } from '../common/decorators';
import { rateLimited, withRateLimitStore } from './auth.errors';

export const AUTH_THROTTLER = 'auth';

/**
 * Per-IP limit on the credential endpoints, counted in Redis so it holds across instances. One
 * bucket per IP for all of them (not one per route), so spreading guesses over login, signup and
 * refresh gains nothing. Its 429 is our problem document with Retry-After.
 */
@Injectable()
export class AuthThrottlerGuard extends ThrottlerGuard {
  override canActivate(context: ExecutionContext): Promise<boolean> {
    return withRateLimitStore(() => super.canActivate(context));
  }

  protected override generateKey(
    _context: ExecutionContext,
    tracker: string,
    name: string,
  ): string {
    return `auth-ip:${name}:${tracker}`;
  }

  protected override throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw rateLimited(Math.max(1, detail.timeToBlockExpire));
  }
}

/** Applies the per-IP auth rate limit (RATE_LIMIT_AUTH_PER_MINUTE) and documents its 429. */
export const AuthRateLimit = (): MethodDecorator & ClassDecorator =>
  applyDecorators(UseGuards(AuthThrottlerGuard), ApiProblems(429));
