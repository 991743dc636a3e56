import { createHash, randomBytes } from 'node:crypto';

/** 256 bits of randomness, URL-safe. The value is shown once and stored only as a hash. */
export function generateRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * SHA-256 is enough here (no salt, no argon2): the token is 256 random bits, so there is nothing
 * to brute-force, and a fast hash lets us look it up by its unique index.
 */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface StoredRefreshToken {
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

/** What presenting a stored refresh token means. `reused` is theft detection. */
export type RefreshVerdict = 'valid' | 'reused' | 'revoked' | 'expired';

export function judgeRefreshToken(token: StoredRefreshToken, now: Date): RefreshVerdict {
  if (token.revokedAt) return 'revoked';
  if (token.usedAt) return 'reused';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}
