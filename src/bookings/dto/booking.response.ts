import { ApiProperty } from '@nestjs/swagger';
import { BOOKING_STATUSES, BookingStatus } from '../entities/booking.entity';

export class BookingVenueResponse {
  id!: number;
  name!: string;
  /** The seed's free-text place, e.g. "Bandra, Mumbai". */
  location!: string;
  /** IANA time zone the show's times are shown in. */
  timezone!: string;
}

export class BookingShowResponse {
  id!: number;
  name!: string;
  /** ISO 8601 instant. */
  startsAt!: string;
  /** ISO 8601 instant. */
  endsAt!: string;
  venue!: BookingVenueResponse;
}

export class BookingResponse {
  id!: number;
  /** The user who holds the booking. */
  userId!: number;
  showId!: number;
  show!: BookingShowResponse;
  /** Number of seats booked. */
  seats!: number;
  /** The show's price when booked (whole currency units); later price changes do not apply. */
  unitPrice!: number;
  /** seats × unitPrice. */
  totalPrice!: number;
  @ApiProperty({ enum: BOOKING_STATUSES })
  status!: BookingStatus;
  /** ISO 8601 instant. */
  createdAt!: string;
  /** ISO 8601 instant, or null while confirmed. */
  cancelledAt!: string | null;
}

export class BookingPageResponse {
  items!: BookingResponse[];
  /** Matching bookings in all pages. */
  total!: number;
  limit!: number;
  offset!: number;
}
