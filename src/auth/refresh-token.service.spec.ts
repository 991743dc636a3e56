import type { DataSource, EntityManager } from 'typeorm';
import type { AuthConfig } from '../config';
import type { RefreshToken } from './entities/refresh-token.entity';
import type { NewRefreshToken, RefreshTokensRepository } from './refresh-tokens.repository';
import { RefreshTokenService } from './refresh-token.service';

/** An in-memory stand-in for the repository: the rotation rules are what is under test. */
class MemoryTokens {
  rows: RefreshToken[] = [];
  insert(t: NewRefreshToken): Promise<void> {
    this.rows.push({
      ...t,
      id: String(this.rows.length + 1),
      usedAt: null,
      revokedAt: null,
      createdAt: new Date(),
    });
    return Promise.resolve();
  }
  findByHash(hash: string) {
    return Promise.resolve(this.rows.find((r) => r.tokenHash === hash) ?? null);
  }
  findByHashForUpdate(_m: EntityManager, hash: string) {
    return this.findByHash(hash);
  }
  markUsed(_m: EntityManager, id: string, at: Date) {
    this.rows.find((r) => r.id === id)!.usedAt = at;
    return Promise.resolve();
  }
  revokeFamily(familyId: string, at: Date) {
    const live = this.rows.filter((r) => r.familyId === familyId && !r.revokedAt);
    live.forEach((r) => (r.revokedAt = at));
    return Promise.resolve(live.length);
  }
}

describe('RefreshTokenService', () => {
  let tokens: MemoryTokens;
  let service: RefreshTokenService;
  beforeEach(() => {
    tokens = new MemoryTokens();
    const dataSource = {
      transaction: (fn: (m: EntityManager) => unknown) => fn({} as EntityManager),
    };
    service = new RefreshTokenService(
      tokens as unknown as RefreshTokensRepository,
      dataSource as unknown as DataSource,
      { refreshTtlSeconds: 3600 } as AuthConfig,
    );
  });

  it('issues a token stored only as its hash, expiring after JWT_REFRESH_TTL', async () => {
    const token = await service.issue(5);
    expect(tokens.rows).toHaveLength(1);
    expect(tokens.rows[0].tokenHash).not.toContain(token);
    const ttl = tokens.rows[0].expiresAt.getTime() - Date.now();
    expect(ttl).toBeGreaterThan(3590_000);
    expect(ttl).toBeLessThanOrEqual(3600_000);
  });

  it('rotates within the family and spends the old token', async () => {
    const first = await service.issue(5);
    const { userId, refreshToken } = await service.rotate(first);
    expect(userId).toBe(5);
    expect(refreshToken).not.toBe(first);
    expect(tokens.rows[1].familyId).toBe(tokens.rows[0].familyId);
    expect(tokens.rows[0].usedAt).toBeInstanceOf(Date);
  });

  it('revokes the whole family when a spent token comes back', async () => {
    const first = await service.issue(5);
    const { refreshToken: second } = await service.rotate(first);
    await expect(service.rotate(first)).rejects.toMatchObject({
      code: 'AUTH.REFRESH_TOKEN_REUSED',
    });
    expect(tokens.rows.every((r) => r.revokedAt)).toBe(true);
    await expect(service.rotate(second)).rejects.toMatchObject({
      code: 'AUTH.INVALID_REFRESH_TOKEN',
    });
  });

  it('leaves other families alone', async () => {
    const mine = await service.issue(5);
    const other = await service.issue(5);
    await service.rotate(mine);
    await expect(service.rotate(mine)).rejects.toThrow();
    await expect(service.rotate(other)).resolves.toMatchObject({ userId: 5 });
  });

  it('refuses unknown and expired tokens', async () => {
    await expect(service.rotate('nope')).rejects.toMatchObject({ status: 401 });
    const token = await service.issue(5);
    tokens.rows[0].expiresAt = new Date(Date.now() - 1);
    await expect(service.rotate(token)).rejects.toMatchObject({
      code: 'AUTH.INVALID_REFRESH_TOKEN',
    });
  });

  it("logout revokes only the caller's own session", async () => {
    const token = await service.issue(5);
    await service.revoke(token, 6);
    expect(tokens.rows[0].revokedAt).toBeNull();
    await service.revoke(token, 5);
    expect(tokens.rows[0].revokedAt).toBeInstanceOf(Date);
  });
});
