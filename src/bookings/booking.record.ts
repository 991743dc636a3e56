import type { BookingStatus } from './entities/booking.entity';

/** A booking with its show and venue, as the read queries return it. */
export interface BookingRecord {
  id: number;
  userId: number;
  showId: number;
  seats: number;
  unitPrice: number;
  status: BookingStatus;
  createdAt: Date;
  cancelledAt: Date | null;
  show: {
    id: number;
    name: string;
    startsAt: Date;
    endsAt: Date;
    venue: { id: number; name: string; location: string; timezone: string };
  };
}

/** The columns every booking read selects, aliased for `toBookingRecord`. */
export const BOOKING_COLUMNS = `
  b.id, b.user_id, b.show_id, b.seats, b.unit_price, b.status, b.created_at, b.cancelled_at,
  s.name AS show_name, s.starts_at, s.ends_at,
  v.id AS venue_id, v.name AS venue_name, v.location AS venue_location, v.timezone AS venue_timezone`;

/** `bookings b` with the show and venue every booking read needs. */
export const BOOKING_FROM = `
  bookings b JOIN shows s ON s.id = b.show_id JOIN venues v ON v.id = s.venue_id`;

export interface BookingRow {
  id: number;
  user_id: number;
  show_id: number;
  seats: number;
  unit_price: number;
  status: BookingStatus;
  created_at: Date;
  cancelled_at: Date | null;
  show_name: string;
  starts_at: Date;
  ends_at: Date;
  venue_id: number;
  venue_name: string;
  venue_location: string;
  venue_timezone: string;
}

export function toBookingRecord(row: BookingRow): BookingRecord {
  return {
    id: row.id,
    userId: row.user_id,
    showId: row.show_id,
    seats: row.seats,
    unitPrice: row.unit_price,
    status: row.status,
    createdAt: row.created_at,
    cancelledAt: row.cancelled_at,
    show: {
      id: row.show_id,
      name: row.show_name,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      venue: {
        id: row.venue_id,
        name: row.venue_name,
        location: row.venue_location,
        timezone: row.venue_timezone,
      },
    },
  };
}
