import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, AuthUser, CurrentUser, Public } from '../common/decorators';
import { PublicUserDto } from '../users/dto/public-user.dto';
import { AuthRateLimit } from './auth-throttler.guard';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { SignupDto } from './dto/signup.dto';
import { TokenPairDto } from './dto/token-pair.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Creates an account with the `user` role. Usernames are unique regardless of case. */
  @Post('signup')
  @Public()
  @AuthRateLimit()
  @ApiProblems(400, 409)
  signup(@Body() body: SignupDto): Promise<PublicUserDto> {
    return this.auth.signup(body);
  }

  /**
   * Exchanges a username or email and a password for an access token and a refresh token.
   * After 5 failed attempts on one account within 15 minutes it answers 429 with Retry-After.
   */
  @Post('login')
  @Public()
  @AuthRateLimit()
  @HttpCode(HttpStatus.OK)
  @ApiProblems(400, 401)
  async login(@Body() body: LoginDto): Promise<TokenPairDto> {
    const identifier = body.username ?? body.email ?? '';
    return (await this.auth.login(identifier, body.password)).tokens;
  }

  /**
   * Spends a refresh token and returns a new pair. Presenting an already spent token revokes
   * every token of that session (theft detection): log in again.
   */
  @Post('refresh')
  @Public()
  @AuthRateLimit()
  @HttpCode(HttpStatus.OK)
  @ApiProblems(400, 401)
  refreshTokens(@Body() body: RefreshTokenDto): Promise<TokenPairDto> {
    return this.auth.refresh(body.refreshToken);
  }

  /** Ends the session the refresh token belongs to. The access token lapses on its own. */
  @Post('logout')
  @Authenticated()
  @AuthRateLimit()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiProblems(400)
  logout(@CurrentUser() caller: AuthUser, @Body() body: RefreshTokenDto): Promise<void> {
    return this.auth.logout(caller.id, body.refreshToken);
  }

  /** The caller's account, read fresh from the database. */
  @Get('me')
  @Authenticated()
  getMe(@CurrentUser() caller: AuthUser): Promise<PublicUserDto> {
    return this.auth.me(caller.id);
  }
}
