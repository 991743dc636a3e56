import type { BookingRecord } from './booking.record';
import type { BookingResponse } from './dto/booking.response';

const iso = (value: Date | string): string => new Date(value).toISOString();

/** The API shape of a booking. */
export function toBookingResponse(b: BookingRecord): BookingResponse {
  return {
    id: b.id,
    userId: b.userId,
    showId: b.showId,
    show: {
      id: b.show.id,
      name: b.show.name,
      startsAt: iso(b.show.startsAt),
      endsAt: iso(b.show.endsAt),
      venue: {
        id: b.show.venue.id,
        name: b.show.venue.name,
        location: b.show.venue.location,
        timezone: b.show.venue.timezone,
      },
    },
    seats: b.seats,
    unitPrice: b.unitPrice,
    totalPrice: b.seats * b.unitPrice,
    status: b.status,
    createdAt: iso(b.createdAt),
    cancelledAt: b.cancelledAt === null ? null : iso(b.cancelledAt),
  };
}

/**
 * A stored response body back in the field order it was sent in (jsonb keeps keys sorted its
 * own way), so a replay is byte-for-byte the first answer.
 */
export function restoreBookingResponse(stored: BookingResponse): BookingResponse {
  return toBookingResponse({
    ...stored,
    createdAt: new Date(stored.createdAt),
    cancelledAt: stored.cancelledAt === null ? null : new Date(stored.cancelledAt),
    show: {
      ...stored.show,
      startsAt: new Date(stored.show.startsAt),
      endsAt: new Date(stored.show.endsAt),
    },
  });
}
