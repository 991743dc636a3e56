import { Page } from '../../common/pagination/pagination.dto';

export class VenueResponse {
  id!: number;
  name!: string;
  location!: string;
  city!: string | null;
  capacity!: number;
  /** IANA time zone; show times of this venue are rendered in it. */
  timezone!: string;
}

/** The venue as embedded in a show. */
export class VenueSummaryResponse {
  id!: number;
  name!: string;
  location!: string;
  city!: string | null;
  timezone!: string;
}

export class VenuePageResponse implements Page<VenueResponse> {
  items!: VenueResponse[];
  total!: number;
  limit!: number;
  offset!: number;
}
