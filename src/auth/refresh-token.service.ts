import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthConfig, authConfig } from '../config';
import { invalidRefreshToken, refreshTokenReused } from './auth.errors';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { generateRefreshToken, hashRefreshToken, judgeRefreshToken } from './refresh-token.util';

const CLEANUP_BATCH = 5_000;
/** Revoked tokens are kept a day so support can still see a revoked session. */
const KEEP_REVOKED_MS = 24 * 3_600_000;

type Rotation =
  { kind: 'rotated'; userId: number; token: string } | { kind: 'reused' } | { kind: 'invalid' };

/**
 * Opaque refresh tokens in families: login starts a family, every refresh spends the presented
 * token and issues the next one in the same family. Presenting a spent token means it was copied,
 * so the whole family (the thief's and the owner's tokens alike) is revoked.
 */
@Injectable()
export class RefreshTokenService {
  private readonly logger = new Logger(RefreshTokenService.name);

  constructor(
    private readonly tokens: RefreshTokensRepository,
    private readonly dataSource: DataSource,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  /** Starts a new family (a login). Returns the token to hand to the client. */
  async issue(userId: number): Promise<string> {
    const token = generateRefreshToken();
    await this.tokens.insert(this.record(userId, randomUUID(), token));
    return token;
  }

  /** Spends `presented` and returns its successor; 401 when it is unknown, spent or expired. */
  async rotate(presented: string): Promise<{ userId: number; refreshToken: string }> {
    const result = await this.dataSource.transaction((manager) =>
      this.rotateIn(manager, presented),
    );
    // Thrown after the commit: the family's revocation must stick although the request fails.
    if (result.kind === 'reused') throw refreshTokenReused();
    if (result.kind === 'invalid') throw invalidRefreshToken();
    return { userId: result.userId, refreshToken: result.token };
  }

  private async rotateIn(manager: EntityManager, presented: string): Promise<Rotation> {
    const now = new Date();
    const stored = await this.tokens.findByHashForUpdate(manager, hashRefreshToken(presented));
    if (!stored) return { kind: 'invalid' };
    const verdict = judgeRefreshToken(stored, now);
    if (verdict === 'reused') {
      await this.tokens.revokeFamily(stored.familyId, now, manager);
      this.logger.warn({ msg: 'Refresh token reuse; family revoked', userId: stored.userId });
      return { kind: 'reused' };
    }
    if (verdict !== 'valid') return { kind: 'invalid' };
    await this.tokens.markUsed(manager, stored.id, now);
    const token = generateRefreshToken();
    await this.tokens.insert(this.record(stored.userId, stored.familyId, token), manager);
    return { kind: 'rotated', userId: stored.userId, token };
  }

  /** Logout: revokes the session (family) of `presented` if it belongs to `userId`. */
  async revoke(presented: string, userId: number): Promise<void> {
    const stored = await this.tokens.findByHash(hashRefreshToken(presented));
    if (stored && stored.userId === userId) {
      await this.tokens.revokeFamily(stored.familyId, new Date());
    }
  }

  /** Ends every session of a user (e.g. after a password change). */
  async revokeAllOfUser(userId: number): Promise<number> {
    return this.tokens.revokeAllOfUser(userId, new Date());
  }

  /** Removes expired tokens and long-revoked ones; returns how many went. */
  async deleteStale(now = new Date()): Promise<number> {
    const revokedBefore = new Date(now.getTime() - KEEP_REVOKED_MS);
    let total = 0;
    for (;;) {
      const deleted = await this.tokens.deleteStale(now, revokedBefore, CLEANUP_BATCH);
      total += deleted;
      if (deleted < CLEANUP_BATCH) return total;
    }
  }

  private record(userId: number, familyId: string, token: string) {
    return {
      userId,
      familyId,
      tokenHash: hashRefreshToken(token),
      expiresAt: new Date(Date.now() + this.config.refreshTtlSeconds * 1000),
    };
  }
}
