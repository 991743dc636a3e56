import {
  DomainError,
  ServiceUnavailableError,
  TooManyRequestsError,
  UnauthorizedError,
} from '../common/errors';

/** One answer for unknown user and wrong password, so neither can be told apart. */
export const invalidCredentials = (): UnauthorizedError =>
  new UnauthorizedError('AUTH.INVALID_CREDENTIALS', 'Invalid username/email or password.');

export const invalidRefreshToken = (): UnauthorizedError =>
  new UnauthorizedError(
    'AUTH.INVALID_REFRESH_TOKEN',
    'The refresh token is invalid, expired or revoked. Log in again.',
  );

export const refreshTokenReused = (): UnauthorizedError =>
  new UnauthorizedError(
    'AUTH.REFRESH_TOKEN_REUSED',
    'This refresh token was already used; the session has been revoked. Log in again.',
  );

export const accountGone = (): UnauthorizedError =>
  new UnauthorizedError('AUTH.UNAUTHENTICATED', 'This account no longer exists.');

export const tooManyAttempts = (retryAfterSeconds: number): TooManyRequestsError =>
  new TooManyRequestsError(
    'AUTH.TOO_MANY_ATTEMPTS',
    `Too many failed logins for this account; try again in ${retryAfterSeconds} s.`,
    retryAfterSeconds,
  );

export const rateLimited = (retryAfterSeconds: number): TooManyRequestsError =>
  new TooManyRequestsError(
    'RATE_LIMITED',
    `Too many requests to the sign-in endpoints from this address; try again in ${retryAfterSeconds} s.`,
    retryAfterSeconds,
  );

/**
 * Rate-limit counters live in Redis. Without them we cannot tell a brute force from a user, so
 * the credential endpoints fail closed with a 503 rather than a 500 (or no limit at all).
 */
export async function withRateLimitStore<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new ServiceUnavailableError(
      'AUTH.RATE_LIMIT_UNAVAILABLE',
      'Sign-in is temporarily unavailable; try again shortly.',
    );
  }
}
