import { validateEnv } from './env';
import { ttlToSeconds } from './validators';

describe('validateEnv', () => {
  it('applies development defaults', () => {
    const env = validateEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe('postgres://postgres@localhost:5432/ticketshow');
    expect(env.APP_ROLE).toBe('all');
    expect(env.SCHEDULE_TIMEZONE).toBe('Asia/Kolkata');
  });

  it('parses numbers and booleans from strings', () => {
    const env = validateEnv({ PORT: '8080', DATABASE_AUTO_MIGRATE: 'false' });
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_AUTO_MIGRATE).toBe(false);
  });

  it('names every invalid variable', () => {
    const bad = {
      PORT: 'eighty',
      APP_ROLE: 'boss',
      SCHEDULE_TIMEZONE: 'Mars/Olympus',
      DAILY_REMINDER_CRON: 'every day',
      DATABASE_URL: 'mysql://x',
    };
    expect(() => validateEnv(bad)).toThrow(/^Invalid configuration/);
    try {
      validateEnv(bad);
    } catch (err) {
      for (const name of Object.keys(bad)) expect((err as Error).message).toContain(`- ${name}:`);
    }
  });

  it('requires a long JWT_SECRET in production', () => {
    expect(() => validateEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required/);
    expect(() => validateEnv({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(
      /JWT_SECRET/,
    );
  });
});

describe('ttlToSeconds', () => {
  it.each([
    ['900', 900],
    ['15m', 900],
    ['12h', 43_200],
    ['7d', 604_800],
  ])('%s → %d', (ttl, seconds) => expect(ttlToSeconds(ttl)).toBe(seconds));
});
