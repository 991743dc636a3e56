import { createHash } from 'node:crypto';

/** Header name, as clients send it (Node lower-cases incoming header names). */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** Printable ASCII (space to tilde), 1–200 characters; HTTP parsers already trim the ends. */
const KEY_PATTERN = /^[\x20-\x7e]{1,200}$/;

export function isValidIdempotencyKey(value: unknown): value is string {
  return typeof value === 'string' && KEY_PATTERN.test(value);
}

/**
 * Fingerprint of a booking request. Built from the validated fields in a fixed order, so the
 * same request hashes the same whatever the JSON key order or whitespace of the body was.
 */
export function bookingRequestHash(request: { showId: number; seats: number }): string {
  const canonical = JSON.stringify(['booking', request.showId, request.seats]);
  return createHash('sha256').update(canonical).digest('hex');
}
