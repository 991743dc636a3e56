import type { AuthConfig } from '../../config';
import { UnsubscribeTokens } from './unsubscribe-token';

const tokens = (secret: string): UnsubscribeTokens =>
  new UnsubscribeTokens({ secret } as AuthConfig);

describe('UnsubscribeTokens', () => {
  const a = tokens('secret-a-0123456789-0123456789-0123456789');

  it('round-trips a claim', () => {
    expect(a.verify(a.sign({ userId: 42, scope: 'reports' }))).toEqual({
      userId: 42,
      scope: 'reports',
    });
  });

  it('refuses tokens signed with another secret, edited, or malformed', () => {
    const good = a.sign({ userId: 42, scope: 'reminders' });
    const [, mac] = good.split('.');
    const widened = `${Buffer.from('42.all').toString('base64url')}.${mac}`;
    const other = tokens('secret-b-0123456789-0123456789-0123456789');
    for (const bad of [
      other.sign({ userId: 42, scope: 'reminders' }),
      widened,
      `${good}.extra`,
      good.slice(0, -2),
      '',
      '.',
      'abc',
    ]) {
      expect(a.verify(bad)).toBeNull();
    }
  });

  it('refuses a correctly signed body that is not a claim', () => {
    const body = Buffer.from('42.everything').toString('base64url');
    const forged = a.sign({ userId: 42, scope: 'all' }).replace(/^[^.]+/, body);
    expect(a.verify(forged)).toBeNull();
  });
});
