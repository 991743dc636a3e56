import {
  ConflictError,
  NotFoundError,
  UnprocessableError,
  ValidationError,
} from '../common/errors';

/** Stable codes of the bookings domain (clients switch on these). */
export const BookingErrors = {
  showNotFound: (showId: number) =>
    new NotFoundError('SHOW.NOT_FOUND', `Show ${showId} does not exist.`),
  showStarted: () =>
    new UnprocessableError('BOOKING.SHOW_STARTED', 'The show has already started.'),
  insufficientSeats: (seatsAvailable: number) =>
    new ConflictError(
      'BOOKING.INSUFFICIENT_SEATS',
      seatsAvailable === 1
        ? 'Only 1 seat is left for this show.'
        : `Only ${seatsAvailable} seats are left for this show.`,
      { seatsAvailable },
    ),
  userLimit: (limit: number, seatsHeld: number) =>
    new ConflictError(
      'BOOKING.USER_LIMIT',
      `One person may hold at most ${limit} seats for a show; you already hold ${seatsHeld}.`,
      { limit, seatsHeld, seatsAllowed: Math.max(0, limit - seatsHeld) },
    ),
  badSeatCount: (max: number) =>
    new ValidationError([
      { field: 'seats', message: `seats must be a whole number from 1 to ${max}` },
    ]),
  /** Also the answer for someone else's booking: existence is not leaked. */
  notFound: (id: number) => new NotFoundError('BOOKING.NOT_FOUND', `Booking ${id} not found.`),
  alreadyCancelled: (id: number) =>
    new ConflictError('BOOKING.ALREADY_CANCELLED', `Booking ${id} is already cancelled.`),
  /** Also the answer for another user's name: existence is not leaked. */
  userNotFound: (username: string) =>
    new NotFoundError('USER.NOT_FOUND', `No bookings visible for user ${username}.`),
  keyReused: () =>
    new UnprocessableError(
      'IDEMPOTENCY.KEY_REUSED',
      'This Idempotency-Key was already used with a different request body.',
    ),
  badKey: () =>
    new ValidationError([
      {
        field: 'Idempotency-Key',
        message: 'Idempotency-Key must be 1–200 printable ASCII characters',
      },
    ]),
};
