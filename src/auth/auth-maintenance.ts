import { hourlyJobId } from '../redis/queue.util';

/** The queue for auth housekeeping and its jobs. */
export const AUTH_MAINTENANCE_QUEUE = 'auth-maintenance';
export const CLEANUP_REFRESH_TOKENS_JOB = 'cleanup-refresh-tokens';
export const CLEANUP_JOB_ID_PREFIX = 'auth-cleanup';

export type CleanupRefreshTokensJob = Record<string, never>;

/** One cleanup per hour whichever worker's cron fires it: `auth-cleanup:2026-12-03T17`. */
export function cleanupJobId(at: Date): string {
  return hourlyJobId(CLEANUP_JOB_ID_PREFIX, at);
}
