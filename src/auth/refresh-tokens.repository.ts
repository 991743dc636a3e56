import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { RefreshToken } from './entities/refresh-token.entity';

export interface NewRefreshToken {
  userId: number;
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
}

/** The only place that queries `refresh_tokens`. */
@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>) {}

  private repo(manager?: EntityManager): Repository<RefreshToken> {
    return manager ? manager.getRepository(RefreshToken) : this.tokens;
  }

  async insert(token: NewRefreshToken, manager?: EntityManager): Promise<void> {
    await this.repo(manager).insert(token);
  }

  findByHash(tokenHash: string): Promise<RefreshToken | null> {
    return this.tokens.findOneBy({ tokenHash });
  }

  /** Row-locked, so two concurrent refreshes with one token are decided one after the other. */
  findByHashForUpdate(manager: EntityManager, tokenHash: string): Promise<RefreshToken | null> {
    return this.repo(manager)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.tokenHash = :tokenHash', { tokenHash })
      .getOne();
  }

  async markUsed(manager: EntityManager, id: string, at: Date): Promise<void> {
    await this.repo(manager).update({ id }, { usedAt: at });
  }

  async revokeFamily(familyId: string, at: Date, manager?: EntityManager): Promise<number> {
    const result = await this.repo(manager).update(
      { familyId, revokedAt: IsNull() },
      { revokedAt: at },
    );
    return result.affected ?? 0;
  }

  async revokeAllOfUser(userId: number, at: Date): Promise<number> {
    const result = await this.tokens.update({ userId, revokedAt: IsNull() }, { revokedAt: at });
    return result.affected ?? 0;
  }

  /**
   * Deletes up to `batch` tokens that can no longer be used: expired ones, and revoked ones whose
   * revocation is older than `revokedBefore`. Spent-but-unexpired tokens stay: they are how reuse
   * is detected. Batched so a large backlog never holds long locks.
   */
  async deleteStale(now: Date, revokedBefore: Date, batch: number): Promise<number> {
    const rows: unknown = await this.tokens.query(
      `DELETE FROM refresh_tokens WHERE id IN (
         SELECT id FROM refresh_tokens
         WHERE expires_at <= $1 OR revoked_at <= $2
         LIMIT $3)`,
      [now, revokedBefore, batch],
    );
    // The pg driver answers a DELETE through TypeORM's query() as [rows, affectedCount].
    return Array.isArray(rows) && typeof rows[1] === 'number' ? rows[1] : 0;
  }
}
