import { IsInt, Max, Min } from 'class-validator';

/** Largest PostgreSQL integer: bigger ids are refused with a 400, never sent to the database. */
const MAX_INT4 = 2_147_483_647;

export class CreateBookingDto {
  /** The show to book. */
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  showId!: number;

  /** Seats to book: a whole number from 1 to MAX_SEATS_PER_BOOKING (default 10). */
  @IsInt()
  @Min(1)
  @Max(1000)
  seats!: number;
}
