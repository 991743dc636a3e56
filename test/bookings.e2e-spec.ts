import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from './support/app';
import { createShow, createUser, createVenue, TestUser } from './support/factories';

const HOUR = 3_600_000;

async function seatsBooked(ds: DataSource, showId: number): Promise<number> {
  const [row] = await ds.query('SELECT seats_booked FROM shows WHERE id = $1', [showId]);
  return row.seats_booked;
}

async function bookingRows(ds: DataSource, showId: number): Promise<number> {
  const [row] = await ds.query('SELECT count(*)::int AS n FROM bookings WHERE show_id = $1', [
    showId,
  ]);
  return row.n;
}

describe('bookings (e2e)', () => {
  let t: TestApp;
  let alice: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    alice = await createUser(t);
  });
  afterAll(() => t.close());

  const book = (user: TestUser, body: unknown) =>
    t.http
      .post('/bookings')
      .set(user.auth)
      .send(body as object);

  describe('POST /bookings', () => {
    it('books seats at the current price and counts them on the show', async () => {
      const venue = await createVenue(t.ds, { timezone: 'Europe/London', location: 'Soho' });
      const show = await createShow(t.ds, { venue, price: 300, capacity: 50 });
      const res = await book(alice, { showId: show.id, seats: 3 }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        userId: alice.user.id,
        showId: show.id,
        show: {
          id: show.id,
          name: show.name,
          startsAt: show.startsAt.toISOString(),
          endsAt: show.endsAt.toISOString(),
          venue: { id: venue.id, name: venue.name, location: 'Soho', timezone: 'Europe/London' },
        },
        seats: 3,
        unitPrice: 300,
        totalPrice: 900,
        status: 'confirmed',
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
        cancelledAt: null,
      });
      expect(await seatsBooked(t.ds, show.id)).toBe(3);

      // The unit price is a snapshot: a later price change does not touch the booking.
      await t.ds.query('UPDATE shows SET price = 999 WHERE id = $1', [show.id]);
      const again = await t.http.get(`/bookings/${res.body.id}`).set(alice.auth).expect(200);
      expect(again.body).toEqual(res.body);
    });

    it('answers 404 SHOW.NOT_FOUND for an unknown show', async () => {
      const res = await book(alice, { showId: 999_999, seats: 1 }).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 404, code: 'SHOW.NOT_FOUND' });
    });

    it('answers 422 BOOKING.SHOW_STARTED once the show has started', async () => {
      const show = await createShow(t.ds, { startsAt: new Date(Date.now() - HOUR) });
      const res = await book(alice, { showId: show.id, seats: 1 }).expect(422);
      expect(res.body).toMatchObject({ status: 422, code: 'BOOKING.SHOW_STARTED' });
      expect(await seatsBooked(t.ds, show.id)).toBe(0);
    });

    it('answers 409 BOOKING.INSUFFICIENT_SEATS with the seats left', async () => {
      const show = await createShow(t.ds, { capacity: 5 });
      await book(alice, { showId: show.id, seats: 3 }).expect(201);
      const res = await book(alice, { showId: show.id, seats: 3 }).expect(409);
      expect(res.body).toMatchObject({
        status: 409,
        code: 'BOOKING.INSUFFICIENT_SEATS',
        seatsAvailable: 2,
        detail: 'Only 2 seats are left for this show.',
      });
      await book(alice, { showId: show.id, seats: 2 }).expect(201);
      const full = await book(alice, { showId: show.id, seats: 1 }).expect(409);
      expect(full.body.seatsAvailable).toBe(0);
      expect(await seatsBooked(t.ds, show.id)).toBe(5);
    });

    it('caps the seats one user holds for a show (BOOKING.USER_LIMIT)', async () => {
      const user = await createUser(t);
      const show = await createShow(t.ds, { capacity: 100 });
      const first = await book(user, { showId: show.id, seats: 10 }).expect(201);
      await book(user, { showId: show.id, seats: 10 }).expect(201);
      const res = await book(user, { showId: show.id, seats: 1 }).expect(409);
      expect(res.body).toMatchObject({
        code: 'BOOKING.USER_LIMIT',
        limit: 20,
        seatsHeld: 20,
        seatsAllowed: 0,
      });
      expect(await seatsBooked(t.ds, show.id)).toBe(20);
      // Someone else is not affected, and cancelling frees the user's allowance.
      await book(alice, { showId: show.id, seats: 5 }).expect(201);
      await t.http.post(`/bookings/${first.body.id}/cancel`).set(user.auth).expect(200);
      await book(user, { showId: show.id, seats: 10 }).expect(201);
      expect(await seatsBooked(t.ds, show.id)).toBe(25);
    });

    it('needs a bearer token', async () => {
      const show = await createShow(t.ds);
      const res = await t.http.post('/bookings').send({ showId: show.id, seats: 1 }).expect(401);
      expect(res.body.code).toBe('AUTH.UNAUTHENTICATED');
    });
  });

  describe('bad input', () => {
    let showId: number;
    beforeAll(async () => {
      showId = (await createShow(t.ds, { capacity: 10_000 })).id;
    });

    it.each([
      ['zero seats', () => ({ showId, seats: 0 })],
      ['negative seats', () => ({ showId, seats: -2 })],
      ['fractional seats', () => ({ showId, seats: 1.5 })],
      ['more than MAX_SEATS_PER_BOOKING', () => ({ showId, seats: 11 })],
      ['huge seats', () => ({ showId, seats: 1e12 })],
      ['seats as a string', () => ({ showId, seats: '2' })],
      ['seats as a boolean', () => ({ showId, seats: true })],
      ['seats null', () => ({ showId, seats: null })],
      ['missing seats', () => ({ showId })],
      ['missing showId', () => ({ seats: 1 })],
      ['showId as a string', () => ({ showId: 'abc', seats: 1 })],
      ['showId zero', () => ({ showId: 0, seats: 1 })],
      ['showId beyond int4', () => ({ showId: 2 ** 31, seats: 1 })],
      ['an unknown field', () => ({ showId, seats: 1, price: 0 })],
      ['a nested object', () => ({ showId: { id: showId }, seats: 1 })],
      ['an empty object', () => ({})],
    ])('%s → 400 problem, nothing written', async (_name, body) => {
      const res = await book(alice, body()).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.errors.length).toBeGreaterThan(0);
      expect(await seatsBooked(t.ds, showId)).toBe(0);
      expect(await bookingRows(t.ds, showId)).toBe(0);
    });

    it.each([
      ['an array body', '[{"showId":1,"seats":1}]'],
      ['a JSON string', '"book"'],
      ['malformed JSON', '{"showId":'],
    ])('%s → 4xx problem', async (_name, raw) => {
      const res = await t.http
        .post('/bookings')
        .set(alice.auth)
        .set('content-type', 'application/json')
        .send(raw);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await bookingRows(t.ds, showId)).toBe(0);
    });

    it('refuses a non-numeric booking id with 400', async () => {
      await t.http.get('/bookings/abc').set(alice.auth).expect(400);
      await t.http.post('/bookings/0/cancel').set(alice.auth).expect(400);
    });
  });

  describe('POST /bookings/:id/cancel', () => {
    it('cancels, returns the seats once, and refuses a second cancel with 409', async () => {
      const show = await createShow(t.ds, { capacity: 10 });
      const { body } = await book(alice, { showId: show.id, seats: 4 }).expect(201);
      const res = await t.http.post(`/bookings/${body.id}/cancel`).set(alice.auth).expect(200);
      expect(res.body).toMatchObject({
        id: body.id,
        status: 'cancelled',
        cancelledAt: expect.any(String),
        seats: 4,
      });
      expect(await seatsBooked(t.ds, show.id)).toBe(0);
      const again = await t.http.post(`/bookings/${body.id}/cancel`).set(alice.auth).expect(409);
      expect(again.body.code).toBe('BOOKING.ALREADY_CANCELLED');
      expect(await seatsBooked(t.ds, show.id)).toBe(0);
    });

    it('refuses to cancel once the show has started (422)', async () => {
      const show = await createShow(t.ds, { capacity: 10 });
      const { body } = await book(alice, { showId: show.id, seats: 2 }).expect(201);
      await t.ds.query(
        `UPDATE shows SET starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour'
          WHERE id = $1`,
        [show.id],
      );
      const res = await t.http.post(`/bookings/${body.id}/cancel`).set(alice.auth).expect(422);
      expect(res.body.code).toBe('BOOKING.SHOW_STARTED');
      expect(await seatsBooked(t.ds, show.id)).toBe(2);
    });

    it('answers 404 for a booking that does not exist', async () => {
      const res = await t.http.post('/bookings/987654/cancel').set(alice.auth).expect(404);
      expect(res.body.code).toBe('BOOKING.NOT_FOUND');
    });
  });
});
