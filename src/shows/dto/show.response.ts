import { Page } from '../../common/pagination/pagination.dto';
import { VenueResponse, VenueSummaryResponse } from '../../venues/dto/venue.response';

export class ShowResponse {
  id!: number;
  venueId!: number;
  /** Present in show lists and on GET /shows/:id; absent where shows are nested in their venue. */
  venue?: VenueSummaryResponse;
  name!: string;
  language!: string;
  genre!: string;
  rating!: number;
  price!: number;
  /** ISO 8601 in the venue's time zone with its offset, e.g. `2026-12-03T19:30:00+05:30`. */
  startsAt!: string;
  /** ISO 8601 in the venue's time zone with its offset. */
  endsAt!: string;
  capacity!: number;
  seatsBooked!: number;
  seatsAvailable!: number;
}

export class ShowPageResponse implements Page<ShowResponse> {
  items!: ShowResponse[];
  total!: number;
  limit!: number;
  offset!: number;
}

export class VenueWithShowsResponse extends VenueResponse {
  /** Upcoming shows (not yet started), by start time. */
  shows!: ShowResponse[];
}

export class VenueWithShowsPageResponse implements Page<VenueWithShowsResponse> {
  items!: VenueWithShowsResponse[];
  total!: number;
  limit!: number;
  offset!: number;
}
