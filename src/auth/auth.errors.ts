import { TooManyRequestsError, UnauthorizedError } from '../common/errors';

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
