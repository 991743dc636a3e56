/**
 * Booking throughput and latency on one hot show, on spread shows, and on a sold-out show.
 * Not run by CI. Needs local PostgreSQL and Redis:
 *   npx ts-node --transpile-only bench/bookings-burst.ts [requests=2000] [concurrency=50]
 * It creates (and drops) its own database `ticketshow_bench_bookings`.
 */
import { runConcurrently, startBenchApp } from './support';

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 2000);
  const concurrency = Number(process.argv[3] ?? 50);
  const { base, ds, token, close } = await startBenchApp('ticketshow_bench_bookings', {
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '20',
    REDIS_PREFIX: 'bench-bookings',
    MAX_SEATS_PER_USER_PER_SHOW: '1000000',
  });
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
    const tokens = users.map(token);
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
    const runs: [string, (i: number) => Promise<number>][] = [
      ['one hot show', (i) => post(i, hot)],
      ['50 shows', (i) => post(i, spread[i % spread.length])],
      ['sold out (409)', (i) => post(i, soldOut)],
    ];
    for (const [label, send] of runs) {
      const r = await runConcurrently(total, concurrency, send);
      console.log(
        `${label.padEnd(16)} ${r.requests} req, c=${concurrency}: ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${JSON.stringify(r.statuses)}`,
      );
    }
    const [ledger] = await ds.query(
      `SELECT s.id, s.seats_booked, (SELECT coalesce(sum(seats), 0)::int FROM bookings b
         WHERE b.show_id = s.id AND b.status = 'confirmed') AS rows FROM shows s WHERE s.id = $1`,
      [hot],
    );
    console.log(`hot show ledger: counter ${ledger.seats_booked}, confirmed rows ${ledger.rows}`);
  } finally {
    await close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
