import { JwtService } from '@nestjs/jwt';
import { createTestApp, TestApp } from './support/app';
import { createAdmin, createUser, TEST_PASSWORD } from './support/factories';

const SECRET = 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
const jwt = new JwtService();
let seq = 0;
const fresh = (): { username: string; email: string; password: string } => {
  seq += 1;
  const username = `Auth_${process.pid}_${seq}`;
  return { username, email: `${username.toLowerCase()}@Example.test`, password: TEST_PASSWORD };
};

describe('auth (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The per-IP limit has its own file; here it must not get in the way.
    t = await createTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '10000' });
  });
  afterAll(() => t.close());

  const signup = (body: object) => t.http.post('/auth/signup').send(body);
  const login = (body: object) => t.http.post('/auth/login').send(body);

  describe('POST /auth/signup', () => {
    it('creates a user and answers the public user', async () => {
      const body = fresh();
      const res = await signup(body).expect(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        username: body.username,
        email: body.email.toLowerCase(),
        role: 'user',
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(JSON.stringify(res.body)).not.toMatch(/password|argon/i);
      const [row] = await t.ds.query('SELECT password_hash FROM users WHERE id = $1', [
        res.body.id,
      ]);
      // argon2id at OWASP's minimum: m=19456 KiB, t=2, p=1.
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$/);
      expect(row.password_hash.split('$')[3].split(',').sort()).toEqual(['m=19456', 'p=1', 't=2']);
    });

    it('refuses a username differing only by case (409)', async () => {
      const body = fresh();
      await signup(body).expect(201);
      const res = await signup({
        ...body,
        username: body.username.toUpperCase(),
        email: `other.${body.email}`,
      }).expect(409);
      expect(res.body).toMatchObject({ code: 'USER.USERNAME_TAKEN', status: 409 });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('refuses an email already used, whatever its case (409)', async () => {
      const body = fresh();
      await signup(body).expect(201);
      const res = await signup({ ...fresh(), email: body.email.toUpperCase() }).expect(409);
      expect(res.body.code).toBe('USER.EMAIL_TAKEN');
    });

    it('rejects a role in the body (400) and creates nothing', async () => {
      const body = fresh();
      const res = await signup({ ...body, role: 'admin' }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors).toContainEqual({ field: 'role', message: 'unknown field role' });
      const rows = await t.ds.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [
        body.username,
      ]);
      expect(rows).toHaveLength(0);
    });

    it.each([
      ['too short', 'Ab1-short'],
      ['all one class', 'onlylowercaseletters'],
      ['all digits', '12345678901234'],
    ])('rejects a weak password (%s) explaining the rule', async (_, password) => {
      const res = await signup({ ...fresh(), password }).expect(400);
      const error = res.body.errors.find((e: { field: string }) => e.field === 'password');
      expect(error.message).toMatch(/at least\s+two kinds/);
      expect(error.message).toMatch(/10-128 characters/);
    });

    it.each([
      ['too short', 'ab'],
      ['bad characters', 'no spaces'],
      ['too long', 'x'.repeat(31)],
    ])('rejects a bad username (%s)', async (_, username) => {
      const res = await signup({ ...fresh(), username }).expect(400);
      expect(res.body.errors[0].field).toBe('username');
    });

    it('rejects a bad email', async () => {
      const res = await signup({ ...fresh(), email: 'not-an-email' }).expect(400);
      expect(res.body.errors[0].field).toBe('email');
    });
  });

  describe('POST /auth/login', () => {
    it('logs in by username (any case) or by email', async () => {
      const body = fresh();
      await signup(body).expect(201);
      const byName = await login({
        username: body.username.toLowerCase(),
        password: body.password,
      });
      expect(byName.status).toBe(200);
      expect(byName.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
      });
      const byEmail = await login({ email: body.email, password: body.password }).expect(200);
      const me = await t.http
        .get('/auth/me')
        .set('Authorization', `Bearer ${byEmail.body.accessToken}`)
        .expect(200);
      expect(me.body).toMatchObject({ username: body.username, role: 'user' });
    });

    it('gives the same 401 for a wrong password and an unknown user', async () => {
      const body = fresh();
      await signup(body).expect(201);
      const wrong = await login({ username: body.username, password: 'Wrong-password-1' });
      const unknown = await login({ username: 'nobody_here', password: 'Wrong-password-1' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      const strip = (b: Record<string, unknown>) => ({ ...b, correlationId: 0, instance: 0 });
      expect(strip(wrong.body)).toEqual(strip(unknown.body));
      expect(wrong.body.code).toBe('AUTH.INVALID_CREDENTIALS');
    });

    it('wants exactly one of username and email', async () => {
      await login({ password: 'x' }).expect(400);
      const both = await login({ username: 'a_b_c', email: 'a@b.test', password: 'x' }).expect(400);
      expect(both.body.errors).toContainEqual({
        field: 'email',
        message: 'give either username or email, not both',
      });
    });

    it('locks an account after 5 failures: 429 with Retry-After, even for the right password', async () => {
      const body = fresh();
      await signup(body).expect(201);
      for (let i = 0; i < 5; i++) {
        await login({ username: body.username, password: 'Wrong-password-1' }).expect(401);
      }
      const locked = await login({ email: body.email, password: body.password }).expect(429);
      expect(locked.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
      const retryAfter = Number(locked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(800);
      expect(retryAfter).toBeLessThanOrEqual(900);
      // Another account is not affected.
      const other = fresh();
      await signup(other).expect(201);
      await login({ username: other.username, password: other.password }).expect(200);
    });

    it('counts failures for unknown accounts too (no enumeration by lockout)', async () => {
      for (let i = 0; i < 5; i++) {
        await login({ username: 'ghost_user', password: 'Wrong-password-1' }).expect(401);
      }
      const res = await login({ username: 'ghost_user', password: 'Wrong-password-1' }).expect(429);
      expect(res.headers['retry-after']).toBeDefined();
    });

    it('clears the failure count on success', async () => {
      const body = fresh();
      await signup(body).expect(201);
      for (let i = 0; i < 4; i++) {
        await login({ username: body.username, password: 'Wrong-password-1' }).expect(401);
      }
      await login({ username: body.username, password: body.password }).expect(200);
      for (let i = 0; i < 4; i++) {
        await login({ username: body.username, password: 'Wrong-password-1' }).expect(401);
      }
      await login({ username: body.username, password: body.password }).expect(200);
    });
  });

  describe('access tokens', () => {
    const claims = (sub: number, role = 'user') => ({
      sub: String(sub),
      username: 'x',
      role,
      jti: 'j',
    });
    const signed = (payload: object, opts: Record<string, unknown> = {}) =>
      jwt.sign(payload, {
        secret: SECRET,
        algorithm: 'HS256',
        expiresIn: 600,
        issuer: 'ticket-show',
        audience: 'ticket-show-api',
        ...opts,
      });
    const me = (token: string) => t.http.get('/auth/me').set('Authorization', `Bearer ${token}`);

    it('accepts a well-formed token (control for the forgeries below)', async () => {
      const { user } = await createUser(t);
      await me(signed(claims(user.id))).expect(200);
    });

    it('rejects a missing token', async () => {
      const res = await t.http.get('/auth/me').expect(401);
      expect(res.body.code).toBe('AUTH.UNAUTHENTICATED');
    });

    it('rejects alg "none"', async () => {
      const { user } = await createUser(t);
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      const payload = {
        ...claims(user.id, 'admin'),
        iat: now,
        exp: now + 600,
        iss: 'ticket-show',
        aud: 'ticket-show-api',
      };
      await me(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`).expect(401);
    });

    it('rejects a token signed with another secret', async () => {
      const { user } = await createUser(t);
      await me(
        signed(claims(user.id), { secret: 'another-secret-0123456789-abcdefghijkl' }),
      ).expect(401);
    });

    it('rejects another algorithm even with the right secret (HS256 is pinned)', async () => {
      const { user } = await createUser(t);
      await me(signed(claims(user.id), { algorithm: 'HS512' })).expect(401);
    });

    it('rejects a tampered payload', async () => {
      const { user, token } = await createUser(t);
      await me(token).expect(200);
      const [head, body, sig] = token.split('.');
      const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
      const forged = Buffer.from(JSON.stringify({ ...payload, role: 'admin' })).toString(
        'base64url',
      );
      await me(`${head}.${forged}.${sig}`).expect(401);
      expect(user.role).toBe('user');
    });

    it('rejects an expired token', async () => {
      const { user } = await createUser(t);
      const past = Math.floor(Date.now() / 1000) - 120;
      const token = jwt.sign(
        { ...claims(user.id), iat: past - 600, exp: past },
        { secret: SECRET, algorithm: 'HS256', issuer: 'ticket-show', audience: 'ticket-show-api' },
      );
      await me(token).expect(401);
    });

    it('rejects a wrong issuer or audience', async () => {
      const { user } = await createUser(t);
      await me(signed(claims(user.id), { issuer: 'someone-else' })).expect(401);
      await me(signed(claims(user.id), { audience: 'another-api' })).expect(401);
    });

    it('answers 401 when the account no longer exists', async () => {
      const { user, token } = await createUser(t);
      await t.ds.query('DELETE FROM users WHERE id = $1', [user.id]);
      await me(token).expect(401);
    });
  });

  describe('refresh and logout', () => {
    async function loggedIn() {
      const body = fresh();
      await signup(body).expect(201);
      const res = await login({ username: body.username, password: body.password }).expect(200);
      return res.body as { accessToken: string; refreshToken: string };
    }
    const refresh = (refreshToken: string) => t.http.post('/auth/refresh').send({ refreshToken });

    it('rotates: a new pair, and the old refresh token is spent', async () => {
      const first = await loggedIn();
      const second = await refresh(first.refreshToken).expect(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      expect(second.body.tokenType).toBe('Bearer');
      await t.http
        .get('/auth/me')
        .set('Authorization', `Bearer ${second.body.accessToken}`)
        .expect(200);
      const third = await refresh(second.body.refreshToken).expect(200);
      expect(third.body.refreshToken).toBeDefined();
    });

    it('stores only a hash of the refresh token', async () => {
      const { refreshToken } = await loggedIn();
      const rows = await t.ds.query('SELECT token_hash FROM refresh_tokens WHERE token_hash = $1', [
        refreshToken,
      ]);
      expect(rows).toHaveLength(0);
    });

    it('reuse of a spent token revokes the whole family', async () => {
      const first = await loggedIn();
      const second = await refresh(first.refreshToken).expect(200);
      const reuse = await refresh(first.refreshToken).expect(401);
      expect(reuse.body.code).toBe('AUTH.REFRESH_TOKEN_REUSED');
      // The thief's successor token is dead too.
      const after = await refresh(second.body.refreshToken).expect(401);
      expect(after.body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
    });

    it('only one of two concurrent refreshes with one token wins', async () => {
      const { refreshToken } = await loggedIn();
      const results = await Promise.all([refresh(refreshToken), refresh(refreshToken)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    });

    it('rejects an unknown or expired refresh token', async () => {
      await refresh('no-such-token').expect(401);
      const { refreshToken } = await loggedIn();
      await t.ds.query(`UPDATE refresh_tokens SET expires_at = now() - interval '1 second'`);
      const res = await refresh(refreshToken).expect(401);
      expect(res.body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
    });

    it('carries a role change into the refreshed access token', async () => {
      const tokens = await loggedIn();
      const me = await t.http.get('/auth/me').set('Authorization', `Bearer ${tokens.accessToken}`);
      await t.ds.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [me.body.id]);
      const next = await refresh(tokens.refreshToken).expect(200);
      const payload = JSON.parse(
        Buffer.from(next.body.accessToken.split('.')[1], 'base64url').toString(),
      );
      expect(payload).toMatchObject({ sub: String(me.body.id), role: 'admin', iss: 'ticket-show' });
    });

    it('logout revokes the refresh token (204) and needs a signed-in user', async () => {
      const tokens = await loggedIn();
      await t.http.post('/auth/logout').send({ refreshToken: tokens.refreshToken }).expect(401);
      await t.http
        .post('/auth/logout')
        .set('Authorization', `Bearer ${tokens.accessToken}`)
        .send({ refreshToken: tokens.refreshToken })
        .expect(204);
      await refresh(tokens.refreshToken).expect(401);
    });

    it("logout cannot revoke someone else's session", async () => {
      const victim = await loggedIn();
      const other = await createAdmin(t);
      await t.http
        .post('/auth/logout')
        .set(other.auth)
        .send({ refreshToken: victim.refreshToken })
        .expect(204);
      await refresh(victim.refreshToken).expect(200);
    });
  });

  it('documents every auth route with its problems and the bearer scheme', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const op = (path: string, method: string) => doc.paths[path][method];
    expect(op('/auth/signup', 'post')).toMatchObject({ operationId: 'signup' });
    expect(Object.keys(op('/auth/signup', 'post').responses)).toEqual(
      expect.arrayContaining(['400', '409', '429']),
    );
    expect(Object.keys(op('/auth/login', 'post').responses)).toEqual(
      expect.arrayContaining(['400', '401', '429']),
    );
    expect(op('/auth/refresh', 'post').operationId).toBe('refreshTokens');
    expect(op('/auth/logout', 'post').security).toEqual([{ bearer: [] }]);
    expect(op('/auth/me', 'get')).toMatchObject({
      operationId: 'getMe',
      security: [{ bearer: [] }],
    });
  });
});
