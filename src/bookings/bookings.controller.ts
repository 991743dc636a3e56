import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblems, Authenticated, AuthUser, CurrentUser } from '../common/decorators';
import { IdParam } from '../common/id-param';
import { BookingsService } from './bookings.service';
import { BookingPageResponse, BookingResponse } from './dto/booking.response';
import { CreateBookingDto } from './dto/create-booking.dto';
import { ListBookingsQueryDto } from './dto/list-bookings-query.dto';
import { IDEMPOTENCY_HEADER } from './idempotency';
import { IdempotencyKeyHeader } from './idempotency-key.decorator';

@ApiTags('bookings')
@Authenticated()
@Controller('bookings')
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  /**
   * Books seats for the caller. Never oversells: 409 `BOOKING.INSUFFICIENT_SEATS` (with
   * `seatsAvailable`) when they do not fit, 409 `BOOKING.USER_LIMIT` past the per-user cap,
   * 422 `BOOKING.SHOW_STARTED`, 404 `SHOW.NOT_FOUND`. With an `Idempotency-Key`, a retry
   * replays the first response (header `Idempotent-Replayed: true`); the same key with another
   * body is 422 `IDEMPOTENCY.KEY_REUSED`.
   */
  @Post()
  @ApiHeader({
    name: IDEMPOTENCY_HEADER,
    required: false,
    description: '1–200 printable ASCII characters, unique per booking attempt, kept 24 h',
  })
  @ApiCreatedResponse({ type: BookingResponse })
  @ApiProblems(400, 404, 409, 422)
  async createBooking(
    @CurrentUser() caller: AuthUser,
    @Body() body: CreateBookingDto,
    @IdempotencyKeyHeader() key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BookingResponse> {
    const result = await this.bookings.book(caller, body, key);
    void reply.status(result.status);
    if (result.replayed) void reply.header('Idempotent-Replayed', 'true');
    return result.body;
  }

  /** The caller's bookings, newest first; an admin sees everyone's and may filter by `username`. */
  @Get()
  @ApiOkResponse({ type: BookingPageResponse })
  @ApiProblems(400)
  listBookings(
    @CurrentUser() caller: AuthUser,
    @Query() query: ListBookingsQueryDto,
  ): Promise<BookingPageResponse> {
    const { limit, offset, ...filter } = query;
    return this.bookings.list(caller, filter, { limit, offset });
  }

  /** One booking: its holder or an admin; anyone else gets 404. */
  @Get(':id')
  @ApiOkResponse({ type: BookingResponse })
  @ApiProblems(400, 404)
  getBooking(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<BookingResponse> {
    return this.bookings.get(caller, id);
  }

  /**
   * Cancels a booking before its show starts (holder or admin; anyone else gets 404). The seats
   * go back to the show exactly once: a second cancel is 409 `BOOKING.ALREADY_CANCELLED`.
   */
  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: BookingResponse })
  @ApiProblems(400, 404, 409, 422)
  cancelBooking(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<BookingResponse> {
    return this.bookings.cancel(caller, id);
  }
}
