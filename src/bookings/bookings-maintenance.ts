/** The queue for bookings housekeeping and its jobs. */
export const BOOKINGS_MAINTENANCE_QUEUE = 'bookings-maintenance';
export const PURGE_IDEMPOTENCY_KEYS_JOB = 'purge-idempotency-keys';

export type PurgeIdempotencyKeysJob = Record<string, never>;

/** One purge per hour whichever worker's cron fires it: `purge-idempotency-keys:2026-12-03T17`. */
export function purgeJobId(at: Date): string {
  return `${PURGE_IDEMPOTENCY_KEYS_JOB}:${at.toISOString().slice(0, 13)}`;
}
