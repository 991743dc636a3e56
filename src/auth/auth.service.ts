import { Injectable } from '@nestjs/common';
import type { UserRole } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import { PublicUser, toPublicUser, UserSummary } from '../users/users.types';
import { accountGone, invalidCredentials } from './auth.errors';
import { LoginAttemptsService } from './login-attempts.service';
import { PasswordService } from './password.service';
import { RefreshTokenService } from './refresh-token.service';
import { TokenService } from './token.service';

export interface SignupInput {
  username: string;
  email: string;
  password: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** Signup, login, refresh, logout. Also used by the legacy `/signup` and `/login` routes. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly attempts: LoginAttemptsService,
  ) {}

  /** Creates a `user` account (never an admin). 409 on a taken username or email. */
  async signup(input: SignupInput): Promise<PublicUser> {
    const passwordHash = await this.passwords.hash(input.password);
    const user = await this.users.create({
      username: input.username,
      email: input.email,
      passwordHash,
      role: 'user' satisfies UserRole,
    });
    return toPublicUser(user);
  }

  /**
   * `identifier` is a username (any case) or an email. Unknown account and wrong password give
   * the same 401 after the same amount of hashing; 429 once the account has too many failures.
   */
  async login(
    identifier: string,
    password: string,
  ): Promise<{ tokens: TokenPair; user: PublicUser }> {
    const found = await this.users.findCredentials(identifier);
    const account = found ? `user:${found.user.id}` : `unknown:${identifier.toLowerCase()}`;
    await this.attempts.assertNotLocked(account);
    const ok = await this.passwords.verify(found?.passwordHash, password);
    if (!found || !ok) {
      await this.attempts.recordFailure(account);
      throw invalidCredentials();
    }
    await this.attempts.reset(account);
    if (this.passwords.needsRehash(found.passwordHash)) {
      await this.users.updatePasswordHash(found.user.id, await this.passwords.hash(password));
    }
    const tokens = await this.issueTokens(found.user);
    return { tokens, user: toPublicUser(found.user) };
  }

  /** Spends the refresh token and returns a new pair carrying the user's current role. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const rotated = await this.refreshTokens.rotate(refreshToken);
    const user = await this.users.findById(rotated.userId);
    if (!user) throw accountGone();
    return this.pair(user, rotated.refreshToken);
  }

  /** Revokes the session the refresh token belongs to (when it is the caller's). Idempotent. */
  async logout(userId: number, refreshToken: string): Promise<void> {
    await this.refreshTokens.revoke(refreshToken, userId);
  }

  async me(userId: number): Promise<PublicUser> {
    const user = await this.users.findById(userId);
    if (!user) throw accountGone();
    return toPublicUser(user);
  }

  private async issueTokens(user: UserSummary): Promise<TokenPair> {
    return this.pair(user, await this.refreshTokens.issue(user.id));
  }

  private pair(user: UserSummary, refreshToken: string): TokenPair {
    const access = this.tokens.signAccessToken({
      id: user.id,
      username: user.username,
      role: user.role,
    });
    return {
      accessToken: access.token,
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: access.expiresIn,
    };
  }
}
