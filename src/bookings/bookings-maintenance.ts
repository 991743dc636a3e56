/** The queue for bookings housekeeping and its jobs. */
export const BOOKINGS_MAINTENANCE_QUEUE = 'bookings-maintenance';
export const PURGE_IDEMPOTENCY_KEYS_JOB = 'purge-idempotency-keys';

export type PurgeIdempotencyKeysJob = Record<string, never>;
