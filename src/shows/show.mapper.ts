import { toVenueSummary } from '../venues/venue.mapper';
import { Venue } from '../venues/entities/venue.entity';
import { ShowResponse } from './dto/show.response';
import { Show } from './entities/show.entity';
import { formatInZone } from '../common/zoned-time';

/**
 * A show as the API answers it. Times are rendered in the venue's zone, so the venue must be
 * given or loaded on the show; `embedVenue: false` leaves the summary out (nested listings).
 */
export function toShowResponse(
  show: Show,
  venue: Venue | undefined = show.venue,
  options: { embedVenue?: boolean } = {},
): ShowResponse {
  if (!venue) throw new Error(`toShowResponse: venue of show ${show.id} not loaded`);
  return {
    id: show.id,
    venueId: show.venueId,
    ...(options.embedVenue === false ? {} : { venue: toVenueSummary(venue) }),
    name: show.name,
    language: show.language,
    genre: show.genre,
    rating: show.rating,
    price: show.price,
    startsAt: formatInZone(show.startsAt, venue.timezone),
    endsAt: formatInZone(show.endsAt, venue.timezone),
    capacity: show.capacity,
    seatsBooked: show.seatsBooked,
    seatsAvailable: show.capacity - show.seatsBooked,
  };
}
