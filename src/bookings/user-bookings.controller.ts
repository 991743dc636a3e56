import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, AuthUser, CurrentUser } from '../common/decorators';
import { PaginationQueryDto } from '../common/pagination/pagination.dto';
import { BookingsService } from './bookings.service';
import { BookingPageResponse } from './dto/booking.response';

@ApiTags('bookings')
@Authenticated()
@Controller('users')
export class UserBookingsController {
  constructor(private readonly bookings: BookingsService) {}

  /**
   * A user's bookings (case-insensitive name), newest first: that user or an admin. Anyone else
   * gets 404, the same answer as for a name that does not exist.
   */
  @Get(':username/bookings')
  @ApiOkResponse({ type: BookingPageResponse })
  @ApiProblems(400, 404)
  listUserBookings(
    @CurrentUser() caller: AuthUser,
    @Param('username') username: string,
    @Query() page: PaginationQueryDto,
  ): Promise<BookingPageResponse> {
    return this.bookings.listForUsername(caller, username, page);
  }
}
