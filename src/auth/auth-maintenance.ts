/** The queue for auth housekeeping and its jobs. */
export const AUTH_MAINTENANCE_QUEUE = 'auth-maintenance';
export const CLEANUP_REFRESH_TOKENS_JOB = 'cleanup-refresh-tokens';

export type CleanupRefreshTokensJob = Record<string, never>;

/** One cleanup per hour whichever worker's cron fires it: `auth-cleanup:2026-12-03T17`. */
export function cleanupJobId(at: Date): string {
  return `auth-cleanup:${at.toISOString().slice(0, 13)}`;
}
