import { createHash } from 'node:crypto';
import { ConflictError } from '../common/errors';
import { restoreBookingResponse } from './booking.mapper';
import { BookingErrors } from './bookings.errors';
import type { BookingResponse } from './dto/booking.response';
import { IN_FLIGHT_STATUS, StoredResponse } from './idempotency.repository';

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

/** What to answer: a replay carries the first response's status and body. */
export interface BookingResult {
  status: number;
  body: BookingResponse;
  replayed: boolean;
}

/** The answer for a key already used: its first response, or 422 for another request body. */
export function replay(stored: StoredResponse | undefined, requestHash: string): BookingResult {
  if (stored && stored.requestHash !== requestHash) throw BookingErrors.keyReused();
  if (!stored || stored.statusCode === IN_FLIGHT_STATUS) {
    // Not expected: the claim waits for the first transaction. Say so rather than book twice.
    throw new ConflictError('IDEMPOTENCY.IN_FLIGHT', 'A request with this key is still in flight.');
  }
  const body = restoreBookingResponse(stored.responseBody as BookingResponse);
  return { status: stored.statusCode, body, replayed: true };
}
