import Redis from 'ioredis';
import { createTestApp, TestApp } from './support/app';

// Its own file: its own Redis prefix, so no other test's requests count against this limit.
describe('auth per-IP rate limit (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  const badLogin = () =>
    t.http.post('/auth/login').send({ username: 'someone', password: 'Wrong-password-1' });

  it('allows RATE_LIMIT_AUTH_PER_MINUTE requests per IP across the auth routes, then 429', async () => {
    await badLogin().expect(401);
    await t.http.post('/auth/refresh').send({ refreshToken: 'nope' }).expect(401);
    await t.http.post('/auth/signup').send({}).expect(400);
    // The fourth, on any auth route, is over the limit.
    const res = await t.http
      .post('/auth/signup')
      .send({ username: 'fresh_name', email: 'fresh@example.test', password: 'Good-pass-123' })
      .expect(429);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Nothing was written by the refused request.
    const rows = await t.ds.query(`SELECT 1 FROM users WHERE username = 'fresh_name'`);
    expect(rows).toHaveLength(0);
  });

  it('keeps the count in Redis, where every instance sees it', async () => {
    const redis = new Redis(process.env.REDIS_URL ?? '');
    try {
      const keys = await redis.keys(`${process.env.REDIS_PREFIX}:*auth-ip*`);
      expect(keys.length).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });

  it('does not limit other routes', async () => {
    for (let i = 0; i < 5; i++) await t.http.get('/health').expect(200);
  });
});
