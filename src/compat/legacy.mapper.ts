import type { BookingResponse } from '../bookings/dto/booking.response';
import type { ExportStatus } from '../exports/entities/export.entity';
import type { ShowResponse } from '../shows/dto/show.response';
import { formatInZone } from '../common/zoned-time';
import type { VenueResponse } from '../venues/dto/venue.response';

/** The seed's show shape: `date` DD-MM-YYYY and `time` HH:MM:SS in the venue's zone. */
export interface LegacyShow {
  id: number;
  name: string;
  language: string;
  rating: number;
  ticketprice: number;
  genre: string;
  venue_id: number;
  date: string;
  time: string;
  bookedseats: number;
}

export interface LegacyGenreShow extends LegacyShow {
  venue_name: string;
  venue_location: string;
  seats_available: number;
}

export interface LegacyVenue {
  id: number;
  name: string;
  location: string;
  seats: number;
}

export interface LegacyBooking {
  venue_name: string;
  location: string;
  show_name: string;
  date: string;
  time: string;
  numberofseats: number;
}

/** A venue-zoned `2026-12-03T19:30:00+05:30` in the seed's words: `03-12-2026`, `19:30:00`. */
function seedDateTime(zoned: string): { date: string; time: string } {
  const [y, m, d] = zoned.slice(0, 10).split('-');
  return { date: `${d}-${m}-${y}`, time: zoned.slice(11, 19) };
}

/** Any instant, as the venue's clock showed it, in the seed's words. */
export function legacyDateTime(iso: string, timeZone: string): { date: string; time: string } {
  return seedDateTime(formatInZone(new Date(iso), timeZone));
}

/** Show times are already rendered in the venue's zone (see toShowResponse). */
export function toLegacyShow(s: ShowResponse): LegacyShow {
  return {
    id: s.id,
    name: s.name,
    language: s.language,
    rating: s.rating,
    ticketprice: s.price,
    genre: s.genre,
    venue_id: s.venueId,
    ...seedDateTime(s.startsAt),
    bookedseats: s.seatsBooked,
  };
}

export function toLegacyGenreShow(s: ShowResponse): LegacyGenreShow {
  return {
    ...toLegacyShow(s),
    venue_name: s.venue?.name ?? '',
    venue_location: s.venue?.location ?? '',
    seats_available: s.seatsAvailable,
  };
}

export function toLegacyVenue(v: VenueResponse): LegacyVenue {
  return { id: v.id, name: v.name, location: v.location, seats: v.capacity };
}

export function toLegacyBooking(b: BookingResponse): LegacyBooking {
  return {
    venue_name: b.show.venue.name,
    location: b.show.venue.location,
    show_name: b.show.name,
    ...legacyDateTime(b.show.startsAt, b.show.venue.timezone),
    numberofseats: b.seats,
  };
}

/** Our export statuses in the seed's Celery words. */
export const LEGACY_TASK_STATE: Record<ExportStatus, string> = {
  queued: 'PENDING',
  running: 'STARTED',
  done: 'SUCCESS',
  failed: 'FAILURE',
};
