/**
 * Booking throughput through one API process vs two (round-robin), with a worker running, all
 * on one database and one Redis prefix. Not run by CI. Needs local PostgreSQL and Redis:
 *   npx ts-node --transpile-only bench/scale-out.ts [requests=2000] [concurrency=50]
 * It creates (and drops) its own empty database `ticketshow_bench_scaleout`; the three processes,
 * started together, migrate it themselves (the advisory lock makes them migrate it once). It is
 * created here, not by the processes: concurrent DATABASE_AUTO_CREATE can fail with 23505 (see
 * docs/scaling.md).
 * On a 2-core machine two API processes compete for the same cores as PostgreSQL; the figure
 * that matters is that the second instance costs nothing in correctness (sold = capacity).
 */
import { rmSync } from 'node:fs';
import * as argon2 from 'argon2';
import Redis from 'ioredis';
import { Client } from 'pg';
import { runConcurrently } from './support';
import { ARGON2_OPTIONS } from '../src/auth/password.service';
import {
  AppProcess,
  spawnApp,
  stopAll,
  transpileApp,
  waitForListening,
  waitForOutput,
} from '../test/support/processes';

const DB = 'ticketshow_bench_scaleout';
const ADMIN_URL =
  process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_URL = Object.assign(new URL(ADMIN_URL), { pathname: `/${DB}` }).toString();
const PASSWORD = 'bench-password-0123';
const USERS = 50;

async function sql<T extends object>(url: string, text: string, params: unknown[] = []) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function json(method: string, url: string, body?: object, token?: string) {
  const res = await fetch(url, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return {
    status: res.status,
    body: (await res.json().catch(() => ({}))) as Record<string, unknown>,
  };
}

async function burst(
  urls: string[],
  tokens: string[],
  showIds: number[],
  total: number,
  conc: number,
) {
  return runConcurrently(total, conc, async (i) => {
    const res = await fetch(`${urls[i % urls.length]}/bookings`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${tokens[i % tokens.length]}`,
      },
      body: JSON.stringify({ showId: showIds[i % showIds.length], seats: 1 }),
    });
    await res.arrayBuffer();
    return res.status;
  });
}

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 2000);
  const concurrency = Number(process.argv[3] ?? 50);
  await sql(ADMIN_URL, `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await sql(ADMIN_URL, `CREATE DATABASE ${DB}`);
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: DB_URL,
    REDIS_PREFIX: `bench-scaleout-${Date.now()}`,
    JWT_SECRET: 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
    LOG_LEVEL: 'log', // the "listening on" line is logged at `log`
    SCHEDULES_ENABLED: 'false',
    RATE_LIMIT_AUTH_PER_MINUTE: '100000',
    MAX_SEATS_PER_USER_PER_SHOW: '1000000',
    APP_ROLE: 'api',
    PORT: '0',
    HOST: '127.0.0.1',
  };
  const build = transpileApp();
  const apps: AppProcess[] = [];
  try {
    const t0 = performance.now();
    apps.push(spawnApp('api-a', { entry: 'main', build, env }));
    apps.push(spawnApp('api-b', { entry: 'main', build, env }));
    apps.push(spawnApp('worker', { entry: 'worker', build, env }));
    const [a, b] = await Promise.all([
      waitForListening(apps[0], 120_000),
      waitForListening(apps[1], 120_000),
      waitForOutput(apps[2], /worker started/, 120_000),
    ]);
    console.log(
      `3 processes started (migrating the empty database together) in ${Math.round(performance.now() - t0)} ms`,
    );

    const hash = await argon2.hash(PASSWORD, ARGON2_OPTIONS);
    await sql(
      DB_URL,
      `INSERT INTO users (username, email, password_hash, role)
       SELECT 'bench' || i, 'bench' || i || '@example.test', $1, CASE WHEN i = 0 THEN 'admin' ELSE 'user' END
         FROM generate_series(0, $2::int) AS i`,
      [hash, USERS],
    );
    const login = async (name: string): Promise<string> =>
      (await json('POST', `${a}/auth/login`, { username: name, password: PASSWORD })).body
        .accessToken as string;
    const adminToken = await login('bench0');
    const tokens = await Promise.all(
      Array.from({ length: USERS }, (_, i) => login(`bench${i + 1}`)),
    );
    const venue = await json(
      'POST',
      `${a}/venues`,
      { name: 'Bench', location: 'Here', capacity: 1_000_000 },
      adminToken,
    );
    const starts = new Date(Date.now() + 86_400_000);
    const show = async (): Promise<number> =>
      (
        await json(
          'POST',
          `${a}/venues/${venue.body.id as number}/shows`,
          {
            name: 'Bench show',
            language: 'English',
            genre: 'Comedy',
            rating: 5,
            price: 100,
            startsAt: starts.toISOString(),
            endsAt: new Date(starts.getTime() + 7_200_000).toISOString(),
          },
          adminToken,
        )
      ).body.id as number;
    const spread = await Promise.all(Array.from({ length: 20 }, show));

    await burst([a], tokens, spread, 200, concurrency); // warm-up
    const one = await burst([a], tokens, spread, total, concurrency);
    const two = await burst([a, b], tokens, spread, total, concurrency);
    console.log(`${total} bookings over 20 shows, concurrency ${concurrency}:`);
    console.log(`  1 API process:  ${one.ms} ms, ${one.rps} req/s`, one.statuses);
    console.log(`  2 API processes: ${two.ms} ms, ${two.rps} req/s`, two.statuses);

    const hot = await show();
    await sql(DB_URL, 'UPDATE shows SET capacity = 100 WHERE id = $1', [hot]);
    const race = await burst([a, b], tokens, [hot], 1000, concurrency);
    const [row] = await sql<{ seats_booked: number }>(
      DB_URL,
      'SELECT seats_booked FROM shows WHERE id = $1',
      [hot],
    );
    console.log(
      `  hot show, capacity 100, 1000 requests over 2 processes: ${race.ms} ms`,
      race.statuses,
      `seats_booked=${row.seats_booked}`,
    );
  } finally {
    await stopAll(apps);
    rmSync(build, { recursive: true, force: true });
    await sql(ADMIN_URL, `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const keys = await redis.keys(`${env.REDIS_PREFIX}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
