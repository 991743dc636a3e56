import { VenueResponse, VenueSummaryResponse } from './dto/venue.response';
import { Venue } from './entities/venue.entity';

export function toVenueResponse(v: Venue): VenueResponse {
  return {
    id: v.id,
    name: v.name,
    location: v.location,
    city: v.city,
    capacity: v.capacity,
    timezone: v.timezone,
  };
}

export function toVenueSummary(v: Venue): VenueSummaryResponse {
  return { id: v.id, name: v.name, location: v.location, city: v.city, timezone: v.timezone };
}
