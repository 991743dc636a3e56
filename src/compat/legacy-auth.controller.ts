import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { AuthRateLimit } from '../auth/auth-throttler.guard';
import { AuthService } from '../auth/auth.service';
import { ApiProblems, Public } from '../common/decorators';
import { DomainError, ForbiddenError, UnauthorizedError } from '../common/errors';
import {
  LegacyLoginDto,
  LegacyLoginResponse,
  LegacyMessageResponse,
  LegacySignupDto,
} from './dto/legacy-auth.dto';
import { Legacy } from './legacy.decorator';

const INVALID = 'invalid credentials';

/** `admin: "admin"` (or true) was the seed's way to self-register as an admin. */
const asksForAdmin = (admin: unknown): boolean =>
  admin === true || (typeof admin === 'string' && ['admin', 'true'].includes(admin.toLowerCase()));

@Controller()
@Public()
@AuthRateLimit()
export class LegacyAuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('signup')
  @HttpCode(200)
  @Legacy('Register (seed)', 'POST /auth/signup')
  @ApiProblems(400, 403, 409)
  async legacySignup(@Body() dto: LegacySignupDto): Promise<LegacyMessageResponse> {
    if (asksForAdmin(dto.admin)) {
      throw new ForbiddenError('LEGACY.ADMIN_SIGNUP', 'Admins are never self-made.', {
        message: 'admins cannot sign up',
      });
    }
    await this.auth.signup({ username: dto.username, email: dto.email, password: dto.password });
    return { message: 'Registered successfully' };
  }

  /** 401 `{message: "invalid credentials"}` also when `admin` does not match the account's role. */
  @Post('login')
  @HttpCode(200)
  @Legacy('Log in (seed)', 'POST /auth/login')
  @ApiProblems(400, 401, 429)
  async legacyLogin(@Body() dto: LegacyLoginDto): Promise<LegacyLoginResponse> {
    const { tokens, user } = await this.auth
      .login(dto.username, dto.password)
      .catch((err: unknown) => {
        if (err instanceof DomainError && err.status === 401) throw invalidCredentials();
        throw err;
      });
    if ((user.role === 'admin') !== (dto.admin ?? false)) throw invalidCredentials();
    return {
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
      userinfo: { userid: user.id, email: user.email },
    };
  }
}

function invalidCredentials(): UnauthorizedError {
  return new UnauthorizedError('AUTH.INVALID_CREDENTIALS', INVALID, { message: INVALID });
}
