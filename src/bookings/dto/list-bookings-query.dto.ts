import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PaginationQueryDto } from '../../common/pagination/pagination.dto';
import { BOOKING_STATUSES, BookingStatus } from '../entities/booking.entity';
import { IsCalendarDate } from './is-calendar-date';

export class ListBookingsQueryDto extends PaginationQueryDto {
  /** Admins: only this user's bookings (case-insensitive). Others only ever see their own. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  username?: string;

  /** Only bookings for this show. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  showId?: number;

  /** Only bookings for shows on this date (YYYY-MM-DD) in the venue's time zone. */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must look like YYYY-MM-DD' })
  @IsCalendarDate()
  date?: string;

  /** `confirmed` or `cancelled`. */
  @IsOptional()
  @IsIn(BOOKING_STATUSES)
  status?: BookingStatus;
}
