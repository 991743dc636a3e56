/**
 * Export memory and time on a large venue. Not run by CI. Needs local PostgreSQL and Redis:
 *   npm run bench:export -- [bookings=50000] [shows=1000]
 * Seeds one venue with `shows` shows and `bookings` bookings (generate_series), runs an export
 * through the real routes and queue (API and worker in this process, as with APP_ROLE=all),
 * samples process RSS every 5 ms and prints the peak and the duration. It creates (and drops)
 * its own database `ticketshow_bench_exports`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchApp } from './support';

const MB = 1024 * 1024;

/** Peak RSS while `fn` runs, sampled every 5 ms (and once at each end). */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peak };
  } finally {
    clearInterval(timer);
  }
}

const SEED_SQL = [
  `INSERT INTO users (username, email, password_hash)
   SELECT 'bx' || g, 'bx' || g || '@example.test', 'x' FROM generate_series(1, 1000) g`,
  `INSERT INTO shows (venue_id, name, language, genre, rating, price, starts_at, ends_at, capacity)
   SELECT $1, 'Show ' || g || ', "live"', 'English', 'Drama', 7, 100 + g % 400,
          now() + (g % 90 - 30) * interval '1 day',
          now() + (g % 90 - 30) * interval '1 day' + interval '2 hours', 1000000
     FROM generate_series(1, $2::int) g`,
  `WITH s AS (SELECT array_agg(id) a FROM shows WHERE venue_id = $1),
        u AS (SELECT array_agg(id) a FROM users)
   INSERT INTO bookings (user_id, show_id, seats, unit_price, status, cancelled_at)
   SELECT u.a[1 + g % cardinality(u.a)], s.a[1 + g % cardinality(s.a)], 1 + g % 4, 100 + g % 300,
          CASE WHEN g % 10 = 0 THEN 'cancelled' ELSE 'confirmed' END,
          CASE WHEN g % 10 = 0 THEN now() END
     FROM s, u, generate_series(1, $2::int) g`,
  `UPDATE shows s SET seats_booked = b.seats
     FROM (SELECT show_id, sum(seats)::int seats FROM bookings
            WHERE status = 'confirmed' GROUP BY show_id) b
    WHERE b.show_id = s.id`,
];

async function main(): Promise<void> {
  const bookings = Number(process.argv[2] ?? 50_000);
  const shows = Number(process.argv[3] ?? 1_000);
  const exportDir = mkdtempSync(join(tmpdir(), 'ticketshow-bench-exports-'));
  const { base, ds, token, close } = await startBenchApp('ticketshow_bench_exports', {
    REDIS_PREFIX: 'bench-exports',
    EXPORT_DIR: exportDir,
  });
  try {
    const [venue] = await ds.query(
      `INSERT INTO venues (name, location, capacity, timezone)
       VALUES ('Bench', 'Here', 1000000, 'Asia/Kolkata') RETURNING id`,
    );
    const [adminUser] = await ds.query(
      `INSERT INTO users (username, email, password_hash, role)
       VALUES ('bench_admin', 'bench_admin@example.test', 'x', 'admin') RETURNING id, username`,
    );
    await ds.query(SEED_SQL[0]);
    await ds.query(SEED_SQL[1], [venue.id, shows]);
    await ds.query(SEED_SQL[2], [venue.id, bookings]);
    await ds.query(SEED_SQL[3]);
    const auth = { authorization: `Bearer ${token({ ...adminUser, role: 'admin' })}` };

    global.gc?.();
    const baseline = process.memoryUsage().rss;
    const started = performance.now();
    const { result: done, peak } = await withPeakRss(async () => {
      const res = await fetch(`${base}/venues/${venue.id}/exports`, {
        method: 'POST',
        headers: auth,
      });
      const { id } = (await res.json()) as { id: string };
      for (;;) {
        const body = (await (await fetch(`${base}/exports/${id}`, { headers: auth })).json()) as {
          status: string;
          rowCount: number;
          id: string;
        };
        if (body.status === 'done' || body.status === 'failed') return body;
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    const ms = Math.round(performance.now() - started);
    const size = statSync(join(exportDir, `${done.id}.csv`)).size;
    console.log(
      `export of ${bookings} bookings over ${shows} shows: ${done.status}, ${done.rowCount} rows, ` +
        `${(size / MB).toFixed(2)} MB file, ${ms} ms (start to done, polled every 20 ms)`,
    );
    console.log(
      `RSS: ${(baseline / MB).toFixed(1)} MB before, peak ${(peak / MB).toFixed(1)} MB during ` +
        `(+${((peak - baseline) / MB).toFixed(1)} MB)`,
    );
  } finally {
    await close();
    rmSync(exportDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
