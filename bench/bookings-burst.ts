/**
 * Booking throughput and latency on one hot show, on spread shows, and on a sold-out show.
 * Not run by CI. Needs local PostgreSQL and Redis:
 *   npx ts-node --transpile-only bench/bookings-burst.ts [requests=2000] [concurrency=50]
 * It creates (and drops) its own database `ticketshow_bench_bookings`.
 */
import { Client } from 'pg';

const DB = 'ticketshow_bench_bookings';
const ADMIN_URL =
  process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbUrl = (): string => Object.assign(new URL(ADMIN_URL), { pathname: `/${DB}` }).toString();

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

interface Stats {
  label: string;
  requests: number;
  ms: number;
  statuses: Record<number, number>;
  p50: number;
  p99: number;
}

async function run(
  label: string,
  total: number,
  concurrency: number,
  send: (i: number) => Promise<number>,
): Promise<Stats> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < total) {
      const i = next++;
      const t0 = performance.now();
      const status = await send(i);
      latencies.push(performance.now() - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number => Math.round(latencies[Math.floor((latencies.length - 1) * p)]);
  return { label, requests: total, ms: Math.round(ms), statuses, p50: pct(0.5), p99: pct(0.99) };
}

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 2000);
  const concurrency = Number(process.argv[3] ?? 50);
  await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: dbUrl(),
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '20',
    REDIS_PREFIX: 'bench-bookings',
    JWT_SECRET: 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
    LOG_LEVEL: 'error',
    SCHEDULES_ENABLED: 'false',
    MAX_SEATS_PER_USER_PER_SHOW: '1000000',
  });
  // Imported after the environment is set: the config is read once, on first use.
  const { ensureDatabase, runMigrations } = await import('../src/database/prepare-database');
  const { createHttpApp } = await import('../src/app.factory');
  const { TokenService } = await import('../src/auth/token.service');
  const { DataSource } = await import('typeorm');
  await ensureDatabase(dbUrl());
  await runMigrations({ url: dbUrl() });
  const app = await createHttpApp();
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  const ds = app.get(DataSource);
  try {
    const [venue] = await ds.query(
      `INSERT INTO venues (name, location, capacity, timezone) VALUES ('Bench', 'Here', 1000000, 'UTC') RETURNING id`,
    );
    const show = async (capacity: number): Promise<number> =>
      (
        await ds.query(
          `INSERT INTO shows (venue_id, name, language, genre, rating, price, starts_at, ends_at, capacity)
           VALUES ($1, 'Bench', 'en', 'Drama', 5, 100, now() + interval '1 day', now() + interval '2 days', $2)
           RETURNING id`,
          [venue.id, capacity],
        )
      )[0].id as number;
    const users: { id: number; username: string }[] = await ds.query(
      `INSERT INTO users (username, email, password_hash)
       SELECT 'bench' || g, 'bench' || g || '@example.test', 'x' FROM generate_series(1, 100) g
       RETURNING id, username`,
    );
    const tokens = users.map(
      (u) => app.get(TokenService).signAccessToken({ ...u, role: 'user' }).token,
    );
    const post = async (i: number, showId: number): Promise<number> => {
      const res = await fetch(`${base}/bookings`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens[i % tokens.length]}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ showId, seats: 1 }),
      });
      await res.arrayBuffer();
      return res.status;
    };
    const hot = await show(1_000_000);
    const spread = await Promise.all(Array.from({ length: 50 }, () => show(1_000_000)));
    const soldOut = await show(1);
    await post(0, soldOut);
    const results = [
      await run('one hot show', total, concurrency, (i) => post(i, hot)),
      await run('50 shows', total, concurrency, (i) => post(i, spread[i % spread.length])),
      await run('sold out (409)', total, concurrency, (i) => post(i, soldOut)),
    ];
    for (const r of results) {
      const rps = Math.round((r.requests * 1000) / r.ms);
      console.log(
        `${r.label.padEnd(16)} ${r.requests} req, c=${concurrency}: ${rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${JSON.stringify(r.statuses)}`,
      );
    }
    const [ledger] = await ds.query(
      `SELECT s.id, s.seats_booked, (SELECT coalesce(sum(seats), 0)::int FROM bookings b
         WHERE b.show_id = s.id AND b.status = 'confirmed') AS rows FROM shows s WHERE s.id = $1`,
      [hot],
    );
    console.log(`hot show ledger: counter ${ledger.seats_booked}, confirmed rows ${ledger.rows}`);
  } finally {
    await app.close();
    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
