import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Admin, ApiProblems, Authenticated, AuthUser, CurrentUser } from '../common/decorators';
import { UnauthorizedError } from '../common/errors';
import { PreferencesDto, UpdatePreferencesDto } from './dto/preferences.dto';
import { PublicUserDto } from './dto/public-user.dto';
import { UpdateRoleDto } from './dto/update-role.dto';
import { UsersService } from './users.service';
import { Preferences, toPublicUser } from './users.types';

const accountGone = (): UnauthorizedError =>
  new UnauthorizedError('AUTH.UNAUTHENTICATED', 'This account no longer exists.');

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** The caller's email preferences. */
  @Get('me/preferences')
  @Authenticated()
  async getMyPreferences(@CurrentUser() caller: AuthUser): Promise<PreferencesDto> {
    return orGone(await this.users.getPreferences(caller.id));
  }

  /** Turns the daily reminder and/or the monthly report on or off for the caller. */
  @Patch('me/preferences')
  @Authenticated()
  @ApiProblems(400)
  async updateMyPreferences(
    @CurrentUser() caller: AuthUser,
    @Body() body: UpdatePreferencesDto,
  ): Promise<PreferencesDto> {
    return orGone(await this.users.updatePreferences(caller.id, body));
  }

  /**
   * Promotes a user to admin or demotes an admin (admins only). The change reaches the user's
   * access tokens when they next refresh (at most JWT_ACCESS_TTL later).
   */
  @Patch(':username/role')
  @Admin()
  @ApiProblems(400, 404, 409)
  async updateUserRole(
    @Param('username') username: string,
    @Body() body: UpdateRoleDto,
  ): Promise<PublicUserDto> {
    return toPublicUser(await this.users.setRole(username, body.role));
  }
}

function orGone(preferences: Preferences | null): Preferences {
  if (!preferences) throw accountGone();
  return preferences;
}
