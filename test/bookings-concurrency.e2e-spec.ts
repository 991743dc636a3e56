import { Client, Pool } from 'pg';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from './support/app';
import { createShow, createUser, TestUser } from './support/factories';

/** What the database says about one show's seats. */
interface Ledger {
  capacity: number;
  /** The counter on the show. */
  seatsBooked: number;
  /** The seats of its confirmed booking rows. */
  confirmedSeats: number;
}

interface LedgerRow {
  capacity: number;
  seats_booked: number;
  confirmed: number;
}

type Query = (sql: string, params: unknown[]) => Promise<LedgerRow[]>;

async function readLedger(db: DataSource | Pool, showId: number): Promise<Ledger> {
  const query: Query =
    db instanceof Pool
      ? async (sql, params) => (await db.query<LedgerRow>(sql, params)).rows
      : (sql, params) => db.query(sql, params);
  const [row] = await query(
    `SELECT s.capacity, s.seats_booked,
            (SELECT coalesce(sum(seats), 0)::int FROM bookings
              WHERE show_id = s.id AND status = 'confirmed') AS confirmed
       FROM shows s WHERE s.id = $1`,
    [showId],
  );
  return { capacity: row.capacity, seatsBooked: row.seats_booked, confirmedSeats: row.confirmed };
}

/** The one assertion both variants go through: sold no more than there is, books balance. */
function oversold(l: Ledger): boolean {
  return l.confirmedSeats > l.capacity || l.seatsBooked > l.capacity;
}

const statuses = (responses: Response[]): Record<number, number> =>
  responses.reduce<Record<number, number>>(
    (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
    {},
  );

/**
 * The guard removed, for the test only: read the counter, decide in the application, write back
 * what was read plus n (what `show.seatsBooked += n; save(show)` does). Runs on the test's own
 * pg connections; nothing in src/ can reach it. Its write never exceeds capacity, so the CHECK
 * constraint cannot mask the race: the oversell shows as booking rows beyond capacity.
 */
async function naiveBook(
  pool: Pool,
  userId: number,
  showId: number,
  seats: number,
): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ capacity: number; seats_booked: number; price: number }>(
      'SELECT capacity, seats_booked, price FROM shows WHERE id = $1',
      [showId],
    );
    const show = rows[0];
    if (show.seats_booked + seats > show.capacity) {
      await client.query('ROLLBACK');
      return false;
    }
    await client.query('UPDATE shows SET seats_booked = $2 WHERE id = $1', [
      showId,
      show.seats_booked + seats,
    ]);
    await client.query(
      'INSERT INTO bookings (user_id, show_id, seats, unit_price) VALUES ($1, $2, $3, $4)',
      [userId, showId, seats, show.price],
    );
    await client.query('COMMIT');
    return true;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

/** Polls until `n` other backends of this database wait for a lock (no timing assumptions). */
async function lockWaiters(client: Client, n: number): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const { rows } = await client.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    );
    if (rows[0].waiting >= n) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never saw ${n} lock waiter(s)`);
}

describe('bookings under concurrency (e2e)', () => {
  let t: TestApp;
  let users: TestUser[];

  beforeAll(async () => {
    t = await createTestApp();
    // A listening server: supertest would otherwise start and stop one per request.
    await t.app.listen(0, '127.0.0.1');
    users = await Promise.all(Array.from({ length: 20 }, () => createUser(t)));
  });
  afterAll(() => t.close());

  const book = (user: TestUser, showId: number, seats: number) =>
    t.http.post('/bookings').set(user.auth).send({ showId, seats });

  it('sells exactly 40 seats to a burst of 200 requests from 20 users, the rest 409', async () => {
    const show = await createShow(t.ds, { capacity: 40 });
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => book(users[i % 20], show.id, 1)),
    );
    expect(statuses(responses)).toEqual({ 201: 40, 409: 160 });
    for (const r of responses.filter((x) => x.status === 409)) {
      expect(r.body.code).toBe('BOOKING.INSUFFICIENT_SEATS');
    }
    const ledger = await readLedger(t.ds, show.id);
    expect(oversold(ledger)).toBe(false);
    expect(ledger).toEqual({ capacity: 40, seatsBooked: 40, confirmedSeats: 40 });
  });

  it('observes an oversell in the same burst when the guard is removed (the test sees races)', async () => {
    const show = await createShow(t.ds, { capacity: 40 });
    const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 200 }, (_, i) => naiveBook(pool, users[i % 20].user.id, show.id, 1)),
      );
      const ledger = await readLedger(pool, show.id);
      expect(outcomes.filter(Boolean).length).toBe(ledger.confirmedSeats);
      expect(oversold(ledger)).toBe(true);
      // And the counter no longer agrees with the rows: lost updates.
      expect(ledger.confirmedSeats).toBeGreaterThan(ledger.seatsBooked);
    } finally {
      await pool.end();
    }
  });

  it('caps one user at MAX_SEATS_PER_USER_PER_SHOW under concurrent requests of that user', async () => {
    const show = await createShow(t.ds, { capacity: 200 });
    const [user] = users;
    // Many small requests at once: a cap checked before the show's row lock lets ~all through.
    const responses = await Promise.all(Array.from({ length: 60 }, () => book(user, show.id, 1)));
    expect(statuses(responses)).toEqual({ 201: 20, 409: 40 });
    for (const r of responses.filter((x) => x.status === 409)) {
      expect(r.body.code).toBe('BOOKING.USER_LIMIT');
    }
    expect(await readLedger(t.ds, show.id)).toEqual({
      capacity: 200,
      seatsBooked: 20,
      confirmedSeats: 20,
    });
  });

  it('returns seats exactly once when the same booking is cancelled in parallel', async () => {
    const show = await createShow(t.ds, { capacity: 10 });
    const { body } = await book(users[1], show.id, 3).expect(201);
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.http.post(`/bookings/${body.id}/cancel`).set(users[1].auth),
      ),
    );
    expect(statuses(responses)).toEqual({ 200: 1, 409: 7 });
    expect(await readLedger(t.ds, show.id)).toEqual({
      capacity: 10,
      seatsBooked: 0,
      confirmedSeats: 0,
    });
  });

  it('keeps the counter equal to the confirmed rows with random seats and concurrent cancellations', async () => {
    const show = await createShow(t.ds, { capacity: 60 });
    const random = (n: number): number => 1 + Math.floor(Math.random() * n);
    const unexpected: string[] = [];
    const expectStatus = (r: Response, allowed: number[]): Response => {
      if (!allowed.includes(r.status)) unexpected.push(`${r.status} ${JSON.stringify(r.body)}`);
      return r;
    };
    const session = async (user: TestUser): Promise<void> => {
      for (let i = 0; i < 8; i++) {
        const booked = expectStatus(await book(user, show.id, random(6)), [201, 409]);
        if (booked.status !== 201 || Math.random() < 0.4) continue;
        // Cancel some bookings, sometimes twice at once.
        const cancel = () => t.http.post(`/bookings/${booked.body.id}/cancel`).set(user.auth);
        const cancels = await Promise.all(Math.random() < 0.5 ? [cancel()] : [cancel(), cancel()]);
        cancels.forEach((c) => expectStatus(c, [200, 409]));
        expect(cancels.filter((c) => c.status === 200)).toHaveLength(1);
      }
    };
    await Promise.all(users.map(session));
    expect(unexpected).toEqual([]);
    const ledger = await readLedger(t.ds, show.id);
    expect(oversold(ledger)).toBe(false);
    expect(ledger.confirmedSeats).toBe(ledger.seatsBooked);
    const perUser: { held: number }[] = await t.ds.query(
      `SELECT sum(seats)::int AS held FROM bookings
        WHERE show_id = $1 AND status = 'confirmed' GROUP BY user_id`,
      [show.id],
    );
    for (const { held } of perUser) expect(held).toBeLessThanOrEqual(20);
  });

  it('retries a cancel that PostgreSQL aborted to break a deadlock (cancel vs show delete)', async () => {
    const show = await createShow(t.ds, { capacity: 10 });
    const { body } = await book(users[2], show.id, 2).expect(201);
    // Plays an admin deleting the show: show row first, then its bookings (the cascade order).
    const deleter = new Client({ connectionString: process.env.DATABASE_URL });
    await deleter.connect();
    try {
      await deleter.query('BEGIN');
      await deleter.query('SELECT 1 FROM shows WHERE id = $1 FOR UPDATE', [show.id]);
      const cancel = t.http
        .post(`/bookings/${body.id}/cancel`)
        .set(users[2].auth)
        .then((r) => r);
      await lockWaiters(deleter, 1); // the cancel holds the booking row and waits for the show
      // Closes the cycle; PostgreSQL aborts the cancel (the older waiter), which must rerun.
      await deleter.query('DELETE FROM bookings WHERE id = $1', [body.id]);
      await deleter.query('ROLLBACK'); // the admin changed their mind: the booking is back
      const res = await cancel;
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('cancelled');
    } finally {
      await deleter.end();
    }
    expect(await readLedger(t.ds, show.id)).toEqual({
      capacity: 10,
      seatsBooked: 0,
      confirmedSeats: 0,
    });
  });
});
