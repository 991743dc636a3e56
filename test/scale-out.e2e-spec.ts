import { rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import * as argon2 from 'argon2';
import { Client } from 'pg';
import request from 'supertest';
import { ARGON2_OPTIONS } from '../src/auth/password.service';
import { cloneDatabase } from './support/app';
import {
  AppProcess,
  spawnApp,
  stopAll,
  stopApp,
  transpileApp,
  waitForListening,
  waitForOutput,
} from './support/processes';

/**
 * Scale-out claims with REAL processes: two API processes and one worker process share this
 * file's PostgreSQL database and Redis prefix (inherited from test/support/env.ts), as
 * `npm run start:api` x2 + `npm run start:worker` would in production. See docs/scaling.md.
 */

const PASSWORD = 'scale-out-password-42';
const BOOKERS = 32;
const REQUESTS_PER_BOOKER = 5; // 160 requests for 30 seats; 5 stays under the per-user cap (20)
const CAPACITY = 30;

const IP_LIMIT = 6;

// LOG_LEVEL=log, not warn: the "listening on <url>" line that tells us the port PORT=0 picked
// (and "worker started") is logged at `log` level. TRUST_PROXY, as behind a load balancer: each
// login below comes "from" its own X-Forwarded-For address, so the per-IP limit can be low
// without the setup's logins tripping it.
const COMMON_ENV = {
  DATABASE_AUTO_CREATE: 'false',
  DATABASE_AUTO_MIGRATE: 'false',
  DATABASE_POOL_SIZE: '10',
  SCHEDULES_ENABLED: 'false',
  LOG_LEVEL: 'log',
  TRUST_PROXY: 'true',
  RATE_LIMIT_AUTH_PER_MINUTE: String(IP_LIMIT),
};
const API_ENV = { ...COMMON_ENV, APP_ROLE: 'api', PORT: '0', HOST: '127.0.0.1' };

let lastIp = 0;
/** A client address no other request of this file uses (10.77.x.y). */
const freshIp = (): string => {
  lastIp += 1;
  return `10.77.${lastIp >> 8}.${lastIp & 255}`;
};

type Http = ReturnType<typeof request>;

let apiA: AppProcess | undefined;
let apiB: AppProcess | undefined;
let worker: AppProcess | undefined;
let build: string | undefined;
let urlB: string;
let a: Http;
let b: Http;
let db: Client;
let admin: { Authorization: string };
const bookers: { Authorization: string }[] = [];
let showId: number;
let venueId: number;

async function login(http: Http, username: string): Promise<{ Authorization: string }> {
  const res = await http
    .post('/auth/login')
    .set('X-Forwarded-For', freshIp())
    .send({ username, password: PASSWORD });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.text}`);
  return { Authorization: `Bearer ${(res.body as { accessToken: string }).accessToken}` };
}

/** Users straight in PostgreSQL with a known argon2id hash; they log in through the API. */
async function insertUsers(): Promise<void> {
  const hash = await argon2.hash(PASSWORD, ARGON2_OPTIONS);
  await db.query(
    `INSERT INTO users (username, email, password_hash, role)
     SELECT 'so_user' || i, 'so_user' || i || '@example.test', $1, 'user'
       FROM generate_series(1, $2::int) AS i
     UNION ALL SELECT 'so_admin', 'so_admin@example.test', $1, 'admin'
     UNION ALL SELECT 'so_locked', 'so_locked@example.test', $1, 'user'`,
    [hash, BOOKERS + 1],
  );
}

/**
 * A POST on its own connection: `sent` once the whole request is handed to the OS, `status`
 * with the answer's status or the socket error's message (e.g. "socket hang up").
 */
function postJson(
  base: string,
  path: string,
  body: object,
): { sent: Promise<void>; status: Promise<number | string> } {
  const payload = JSON.stringify(body);
  let sent!: () => void;
  const sentPromise = new Promise<void>((resolve) => (sent = resolve));
  const status = new Promise<number | string>((resolve) => {
    const req = httpRequest(
      `${base}${path}`,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': freshIp(),
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', (err) => resolve(err.message));
      },
    );
    req.on('error', (err) => {
      sent();
      resolve(err.message);
    });
    req.on('finish', sent);
    req.end(payload);
  });
  return { sent: sentPromise, status };
}

async function pollUntil<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 25; Date.now() < deadline; delay = Math.min(delay * 2, 250)) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, delay));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

beforeAll(async () => {
  await cloneDatabase();
  const started = Date.now();
  build = transpileApp();
  const built = Date.now();
  apiA = spawnApp('api-a', { entry: 'main', build, env: API_ENV });
  apiB = spawnApp('api-b', { entry: 'main', build, env: API_ENV });
  worker = spawnApp('worker', { entry: 'worker', build, env: COMMON_ENV });
  // Generous bounds: three Nest boots on a busy 2-core machine can take a while.
  let urlA: string;
  [urlA, urlB] = await Promise.all([
    waitForListening(apiA, 90_000),
    waitForListening(apiB, 90_000),
    waitForOutput(worker, /worker started/, 90_000),
  ]);
  console.log(
    `scale-out: transpiled in ${built - started} ms; 2 API + 1 worker processes ready ` +
      `${Date.now() - built} ms later`,
  );
  a = request(urlA);
  b = request(urlB);

  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  await insertUsers();
  admin = await login(a, 'so_admin');
  const tokens = await Promise.all(
    Array.from({ length: BOOKERS }, (_, i) => login(i % 2 ? a : b, `so_user${i + 1}`)),
  );
  bookers.push(...tokens);

  const venue = await a
    .post('/venues')
    .set(admin)
    .send({ name: 'Scale Hall', location: 'Fort, Mumbai', capacity: CAPACITY });
  expect(venue.status).toBe(201);
  venueId = (venue.body as { id: number }).id;
  const startsAt = new Date(Date.now() + 48 * 3_600_000);
  const show = await b
    .post(`/venues/${venueId}/shows`)
    .set(admin)
    .send({
      name: 'Scale Night',
      language: 'English',
      genre: 'Comedy',
      rating: 8,
      price: 300,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
      capacity: CAPACITY,
    });
  expect(show.status).toBe(201);
  showId = (show.body as { id: number }).id;
}, 120_000);

afterAll(async () => {
  await stopAll([apiA, apiB, worker]);
  await db?.end();
  if (build) rmSync(build, { recursive: true, force: true });
});

describe('scale-out: 2 API processes + 1 worker on one database and one Redis prefix', () => {
  it('never oversells when bookings for one show race across both instances', async () => {
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: BOOKERS * REQUESTS_PER_BOOKER }, (_, i) =>
        (i % 2 ? a : b)
          .post('/bookings')
          .set(bookers[i % BOOKERS])
          .send({ showId, seats: 1 }),
      ),
    );
    const ms = Date.now() - started;
    const statuses = results.map((r) => r.status);
    const count = (s: number): number => statuses.filter((x) => x === s).length;
    const soldByA = results.filter((r, i) => i % 2 === 1 && r.status === 201).length;
    console.log(
      `scale-out: ${results.length} concurrent POST /bookings over 2 instances in ${ms} ms ` +
        `-> ${count(201)} x 201 (A ${soldByA}, B ${count(201) - soldByA}), ${count(409)} x 409`,
    );
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    expect(count(201)).toBe(CAPACITY);
    expect(count(409)).toBe(results.length - CAPACITY);
    for (const r of results.filter((x) => x.status === 409)) {
      expect((r.body as { code: string }).code).toBe('BOOKING.INSUFFICIENT_SEATS');
    }
    // Each instance answered 80 requests for 30 seats, so each must have refused some: a
    // per-process seat count would have let both sell 30 (caught by the 201 count above).
    expect(results.filter((r, i) => i % 2 === 1 && r.status === 409).length).toBeGreaterThan(0);
    expect(results.filter((r, i) => i % 2 === 0 && r.status === 409).length).toBeGreaterThan(0);

    const { rows } = await db.query<{ seats_booked: number; confirmed: string }>(
      `SELECT s.seats_booked,
              (SELECT COALESCE(SUM(seats), 0) FROM bookings
                WHERE show_id = s.id AND status = 'confirmed') AS confirmed
         FROM shows s WHERE s.id = $1`,
      [showId],
    );
    expect(rows[0].seats_booked).toBe(CAPACITY);
    expect(Number(rows[0].confirmed)).toBe(CAPACITY);
  });

  it('a catalogue write on one instance invalidates the listing cache of the other', async () => {
    const names = (r: request.Response): string[] =>
      (r.body as { items: { id: number; name: string }[] }).items
        .filter((s) => s.id === showId)
        .map((s) => s.name);
    await b.get('/shows');
    const cached = await b.get('/shows');
    expect(cached.status).toBe(200);
    expect(cached.headers['x-cache']).toBe('hit');
    expect(names(cached)).toEqual(['Scale Night']);

    const patched = await a.patch(`/shows/${showId}`).set(admin).send({ name: 'Scale Night II' });
    expect(patched.status).toBe(200);

    const after = await b.get('/shows');
    expect(after.status).toBe(200);
    expect(after.headers['x-cache']).toBe('miss');
    expect(names(after)).toEqual(['Scale Night II']);
  });

  it('counts failed logins for one account across instances (5 in 15 min, then 429)', async () => {
    // Each attempt from another address: the lockout is per account, whatever the IP.
    const wrong = (http: Http) =>
      http
        .post('/auth/login')
        .set('X-Forwarded-For', freshIp())
        .send({ username: 'so_locked', password: 'not-the-password' });
    for (const http of [a, a, a, b, b]) expect((await wrong(http)).status).toBe(401);
    for (const http of [a, b]) {
      // Even the right password: the account is locked on every instance.
      const res = await http
        .post('/auth/login')
        .set('X-Forwarded-For', freshIp())
        .send({ username: 'so_locked', password: PASSWORD });
      expect(res.status).toBe(429);
      expect((res.body as { code: string }).code).toBe('AUTH.TOO_MANY_ATTEMPTS');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it("counts one address's sign-in requests across instances (per-IP limit)", async () => {
    const ip = freshIp();
    // Unknown, distinct accounts: no per-account lockout gets in the way, only the IP counts.
    const attempt = (http: Http, n: number) =>
      http
        .post('/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ username: `so_nobody${n}`, password: 'whatever-password' });
    const within = [];
    for (let n = 0; n < IP_LIMIT; n++) within.push((await attempt(n % 2 ? b : a, n)).status);
    expect(within).toEqual(Array(IP_LIMIT).fill(401));
    for (const http of [a, b]) {
      const res = await attempt(http, IP_LIMIT);
      expect(res.status).toBe(429);
      expect((res.body as { code: string }).code).toBe('RATE_LIMITED');
    }
    // Another address is not affected.
    const other = await a
      .post('/auth/login')
      .set('X-Forwarded-For', freshIp())
      .send({ username: 'so_nobody', password: 'whatever-password' });
    expect(other.status).toBe(401);
  });

  it('a job enqueued by one API process is run by the worker; the other serves the file', async () => {
    const created = await a.post(`/venues/${venueId}/exports`).set(admin);
    expect(created.status).toBe(202);
    const id = (created.body as { id: string }).id;
    const started = Date.now();
    const done = await pollUntil('the export to finish', async () => {
      const res = await b.get(`/exports/${id}`).set(admin);
      expect(res.status).toBe(200);
      const body = res.body as { status: string; rowCount: number; error?: string };
      expect(body.status).not.toBe('failed');
      return body.status === 'done' ? body : undefined;
    });
    console.log(
      `scale-out: export queued on A, built by the worker, seen done on B in ${Date.now() - started} ms`,
    );
    expect(done.rowCount).toBeGreaterThan(0);

    // The worker wrote the file into the shared EXPORT_DIR; API process B streams it.
    const file = await b.get(`/exports/${id}/download`).set(admin);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/csv/);
    expect(file.text).toContain('Scale Night II');
  });

  it('SIGTERM lets in-flight requests finish, then the process exits', async () => {
    const target = apiB as AppProcess;
    // Logins cost an argon2 verification each, so 40 of them keep B busy for a while.
    const inFlight = Array.from({ length: 40 }, (_, i) =>
      postJson(urlB, '/auth/login', {
        username: `so_user${(i % BOOKERS) + 1}`,
        password: PASSWORD,
      }),
    );
    await Promise.all(inFlight.map((r) => r.sent));
    // A request sent after all of them has been answered: B has accepted and read the 40
    // (connections are accepted in order), and they are still running. Stop it now.
    expect((await b.get('/health')).status).toBe(200);
    const exit = stopApp(target, 'SIGTERM');
    const statuses = await Promise.all(inFlight.map((r) => r.status));
    expect(statuses).toEqual(Array(40).fill(200));
    const how = await exit;
    expect(String(how.signal ?? how.code)).toMatch(/^(SIGTERM|0)$/);
    expect(target.output()).not.toContain('Shutdown took longer');
    // A is still serving: stopping one instance does not stop the service.
    expect((await a.get(`/shows/${showId}`)).status).toBe(200);
  });
});
