import { generateRefreshToken, hashRefreshToken, judgeRefreshToken } from './refresh-token.util';

describe('refresh token helpers', () => {
  it('generates 256-bit URL-safe tokens that never repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateRefreshToken));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('hashes with SHA-256 (hex), deterministically', () => {
    expect(hashRefreshToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hashRefreshToken('abc')).not.toBe(hashRefreshToken('abd'));
  });

  describe('judgeRefreshToken', () => {
    const now = new Date('2026-12-03T12:00:00Z');
    const later = new Date('2026-12-04T12:00:00Z');
    const base = { expiresAt: later, usedAt: null, revokedAt: null };

    it('accepts an unused, unexpired, unrevoked token', () => {
      expect(judgeRefreshToken(base, now)).toBe('valid');
    });
    it('calls a spent token reuse', () => {
      expect(judgeRefreshToken({ ...base, usedAt: now }, now)).toBe('reused');
    });
    it('refuses a revoked token, even a spent one (the family is already dead)', () => {
      expect(judgeRefreshToken({ ...base, revokedAt: now, usedAt: now }, now)).toBe('revoked');
    });
    it('refuses an expired token, at the very instant it expires', () => {
      expect(judgeRefreshToken({ ...base, expiresAt: now }, now)).toBe('expired');
    });
  });
});
