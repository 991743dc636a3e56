import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { BookingsService } from '../bookings/bookings.service';
import { ApiProblems, AuthUser, Authenticated, CurrentUser } from '../common/decorators';
import { DomainError, ForbiddenError, NotFoundError } from '../common/errors';
import { UsersService } from '../users/users.service';
import { LegacyBookDto } from './dto/legacy-booking.dto';
import { collectAll } from './legacy-pages';
import { Legacy } from './legacy.decorator';
import { LegacyBooking, toLegacyBooking } from './legacy.mapper';

interface LegacyUserInfo {
  id: number;
  username: string;
  admin: boolean;
  email: string;
}

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The seed refused a booking with a bare 403; the reason rides along in `message`. */
function refused(message: string): ForbiddenError {
  return new ForbiddenError('LEGACY.BOOKING_REFUSED', message, { message });
}

@Controller()
@Authenticated()
export class LegacyBookingsController {
  constructor(
    private readonly bookings: BookingsService,
    private readonly users: UsersService,
  ) {}

  /** 403 when seats run out, the show has started, or `numberofseats` ≤ 0. */
  @Post('book')
  @HttpCode(200)
  @Legacy('Book seats (seed)', 'POST /bookings')
  @ApiProblems(400, 403, 404)
  async legacyBook(
    @CurrentUser() user: AuthUser,
    @Body() dto: LegacyBookDto,
  ): Promise<Record<string, never>> {
    if (dto.username !== undefined && !sameName(dto.username, user.username)) {
      throw new ForbiddenError('LEGACY.NOT_YOURS', 'You can only book for yourself.', {
        message: 'you can only book for yourself',
      });
    }
    if (dto.numberofseats <= 0) throw refused('numberofseats must be at least 1');
    await this.bookings
      .book(user, { showId: dto.show_id, seats: dto.numberofseats })
      .catch((err: unknown) => {
        // Not enough seats, the show started, over a limit: the seed said 403 for all of them.
        if (err instanceof DomainError && [400, 409, 422].includes(err.status)) {
          throw refused(err.detail);
        }
        throw err;
      });
    return {};
  }

  /** Self or admin; anyone else gets 404. Confirmed bookings only, as the seed had no cancel. */
  @Get('getallbookings/:username')
  @Legacy("A user's bookings (seed)", 'GET /users/{username}/bookings')
  @ApiProblems(404)
  async legacyListUserBookings(
    @CurrentUser() user: AuthUser,
    @Param('username') username: string,
  ): Promise<LegacyBooking[]> {
    const all = await collectAll((page) => this.bookings.listForUsername(user, username, page));
    return all.filter((b) => b.status === 'confirmed').map(toLegacyBooking);
  }

  /** Self or admin; anyone else gets 404. */
  @Get('userinfo/:username')
  @Legacy('A user (seed)', 'GET /auth/me')
  @ApiProblems(404)
  async legacyGetUserInfo(
    @CurrentUser() user: AuthUser,
    @Param('username') username: string,
  ): Promise<LegacyUserInfo> {
    const allowed = user.role === 'admin' || sameName(username, user.username);
    const found = allowed ? await this.users.findByUsername(username) : null;
    if (!found) throw new NotFoundError('USER.NOT_FOUND', `No user named ${username}.`);
    return {
      id: found.id,
      username: found.username,
      admin: found.role === 'admin',
      email: found.email,
    };
  }
}
