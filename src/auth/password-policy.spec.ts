import { meetsPasswordPolicy, PASSWORD_RULE } from './password-policy';
import { ARGON2_OPTIONS, PasswordService } from './password.service';

describe('password policy', () => {
  it.each([
    ['correct-horse-battery-9', true],
    ['Tr0ubadourX', true],
    ['two words here', true],
    ['ÉcoleDesBeauxArts', true],
    ['short-1A', false],
    ['alllowercaseletters', false],
    ['ALLUPPERCASELETTERS', false],
    ['12345678901234', false],
    ['!!!!!!!!!!!!!!', false],
    ['a1'.repeat(65), false],
  ])('%s → %s', (password, ok) => expect(meetsPasswordPolicy(password)).toBe(ok));

  it('refuses non-strings and explains itself', () => {
    expect(meetsPasswordPolicy(12345678901)).toBe(false);
    expect(PASSWORD_RULE).toMatch(/at least two kinds/);
  });
});

describe('PasswordService', () => {
  const service = new PasswordService();

  it('uses argon2id at or above the OWASP minimum', () => {
    expect(ARGON2_OPTIONS.memoryCost).toBeGreaterThanOrEqual(19_456);
    expect(ARGON2_OPTIONS.timeCost).toBeGreaterThanOrEqual(2);
    expect(ARGON2_OPTIONS.parallelism).toBe(1);
  });

  it('verifies the right password only, and never for an unknown user', async () => {
    const hash = await service.hash('correct-horse-battery-9');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await service.verify(hash, 'correct-horse-battery-9')).toBe(true);
    expect(await service.verify(hash, 'correct-horse-battery-8')).toBe(false);
    expect(await service.verify(undefined, 'correct-horse-battery-9')).toBe(false);
    expect(await service.verify('not-a-hash', 'anything')).toBe(false);
    expect(service.needsRehash(hash)).toBe(false);
  });
});
