import { DataSource } from 'typeorm';
import { BookingsMaintenanceScheduler } from '../src/bookings/bookings-maintenance.scheduler';
import { createTestApp, TestApp } from './support/app';
import { createShow, createUser, TestUser } from './support/factories';

async function ledger(ds: DataSource, showId: number): Promise<{ rows: number; booked: number }> {
  const [row] = await ds.query(
    `SELECT (SELECT count(*)::int FROM bookings WHERE show_id = $1) AS rows,
            (SELECT seats_booked FROM shows WHERE id = $1) AS booked`,
    [showId],
  );
  return row;
}

describe('bookings: Idempotency-Key (e2e)', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    // Concurrent requests below need a listening server (supertest would listen per request).
    await t.app.listen(0, '127.0.0.1');
    [alice, bob] = await Promise.all([createUser(t), createUser(t)]);
  });
  afterAll(() => t.close());

  const book = (user: TestUser, body: object, key?: string) => {
    const req = t.http.post('/bookings').set(user.auth);
    if (key !== undefined) req.set('Idempotency-Key', key);
    return req.send(body);
  };

  it('replays the first response for a retry with the same key and body', async () => {
    const show = await createShow(t.ds, { capacity: 10 });
    const first = await book(alice, { showId: show.id, seats: 2 }, 'retry-1').expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // Same body with another key order: still the same request.
    const again = await book(alice, { seats: 2, showId: show.id }, 'retry-1').expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(first.text);
    expect(await ledger(t.ds, show.id)).toEqual({ rows: 1, booked: 2 });
  });

  it('refuses the same key with a different body (422 IDEMPOTENCY.KEY_REUSED)', async () => {
    const show = await createShow(t.ds, { capacity: 10 });
    await book(alice, { showId: show.id, seats: 2 }, 'reuse-1').expect(201);
    const res = await book(alice, { showId: show.id, seats: 3 }, 'reuse-1').expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await ledger(t.ds, show.id)).toEqual({ rows: 1, booked: 2 });
  });

  it('books once for parallel requests with the same key; all get the same answer', async () => {
    const show = await createShow(t.ds, { capacity: 100 });
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => book(alice, { showId: show.id, seats: 4 }, 'parallel-1')),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(11);
    expect(await ledger(t.ds, show.id)).toEqual({ rows: 1, booked: 4 });
  });

  it('scopes keys per user: the same key from another user is a new booking', async () => {
    const show = await createShow(t.ds, { capacity: 10 });
    const a = await book(alice, { showId: show.id, seats: 1 }, 'shared-key').expect(201);
    const b = await book(bob, { showId: show.id, seats: 1 }, 'shared-key').expect(201);
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.body.userId).toBe(bob.user.id);
    // And each user's retry replays their own booking.
    const b2 = await book(bob, { showId: show.id, seats: 1 }, 'shared-key').expect(201);
    expect(b2.body.id).toBe(b.body.id);
    expect(await ledger(t.ds, show.id)).toEqual({ rows: 2, booked: 2 });
  });

  it('does not keep a key whose booking failed: a retry can succeed later', async () => {
    const show = await createShow(t.ds, { capacity: 2 });
    const refused = await book(alice, { showId: show.id, seats: 3 }, 'later-1').expect(409);
    expect(refused.body.code).toBe('BOOKING.INSUFFICIENT_SEATS');
    await t.ds.query('UPDATE shows SET capacity = 5 WHERE id = $1', [show.id]);
    await book(alice, { showId: show.id, seats: 3 }, 'later-1').expect(201);
    expect(await ledger(t.ds, show.id)).toEqual({ rows: 1, booked: 3 });
  });

  it('treats an expired key as unused', async () => {
    const show = await createShow(t.ds, { capacity: 10 });
    await book(alice, { showId: show.id, seats: 1 }, 'old-1').expect(201);
    await t.ds.query(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 second'
        WHERE user_id = $1 AND key = 'old-1'`,
      [alice.user.id],
    );
    await book(alice, { showId: show.id, seats: 2 }, 'old-1').expect(201);
    expect(await ledger(t.ds, show.id)).toEqual({ rows: 2, booked: 3 });
  });

  it.each([
    ['empty', ''],
    ['longer than 200 characters', 'k'.repeat(201)],
    ['a control character', 'abc\tdef'],
    ['a non-ASCII character', 'clé'],
  ])('refuses a key that is %s with 400', async (_name, key) => {
    const show = await createShow(t.ds, { capacity: 10 });
    const res = await book(alice, { showId: show.id, seats: 1 }, key).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.body.errors[0].field).toBe('Idempotency-Key');
    expect(await ledger(t.ds, show.id)).toEqual({ rows: 0, booked: 0 });
  });

  it('accepts a 200-character key', async () => {
    const show = await createShow(t.ds, { capacity: 10 });
    await book(alice, { showId: show.id, seats: 1 }, 'k'.repeat(200)).expect(201);
  });

  it('purges expired keys with a worker job (deterministic job id) and keeps live ones', async () => {
    const carol = await createUser(t);
    await t.ds.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, status_code, response_body, expires_at)
       VALUES ($1, 'expired', 'h', 201, '{}', now() - interval '1 hour'),
              ($1, 'live', 'h', 201, '{}', now() + interval '1 hour')`,
      [carol.user.id],
    );
    const scheduler = t.app.get(BookingsMaintenanceScheduler);
    const at = new Date();
    const job = await scheduler.enqueuePurge(at);
    expect(job.id).toBe(`purge-idempotency-keys:${at.toISOString().slice(0, 13)}`);
    const result = await job.finished();
    expect(result.deleted).toBeGreaterThanOrEqual(1);
    const keys = await t.ds.query('SELECT key FROM idempotency_keys WHERE user_id = $1', [
      carol.user.id,
    ]);
    expect(keys).toEqual([{ key: 'live' }]);
    // A second enqueue within the same hour is the same job: several workers purge once.
    const twice = await scheduler.enqueuePurge(at);
    expect(twice.id).toBe(job.id);
  });
});
