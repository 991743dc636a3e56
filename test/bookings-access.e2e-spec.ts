import { createTestApp, TestApp } from './support/app';
import { createAdmin, createShow, createUser, createVenue, TestUser } from './support/factories';

describe('bookings: who sees and cancels what (e2e)', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let admin: TestUser;
  let aliceBooking: { id: number; showId: number };

  beforeAll(async () => {
    t = await createTestApp();
    alice = await createUser(t, { username: 'Alice_Access' });
    bob = await createUser(t);
    admin = await createAdmin(t);
    const show = await createShow(t.ds, { capacity: 50 });
    const res = await t.http
      .post('/bookings')
      .set(alice.auth)
      .send({ showId: show.id, seats: 2 })
      .expect(201);
    aliceBooking = res.body;
    await t.http.post('/bookings').set(bob.auth).send({ showId: show.id, seats: 1 }).expect(201);
  });
  afterAll(() => t.close());

  it("never lists another user's bookings", async () => {
    const mine = await t.http.get('/bookings').set(bob.auth).expect(200);
    expect(mine.body.items.every((b: { userId: number }) => b.userId === bob.user.id)).toBe(true);
    expect(mine.body.items.map((b: { id: number }) => b.id)).not.toContain(aliceBooking.id);
    // Naming someone else as a filter does not widen a user's view.
    const filtered = await t.http
      .get('/bookings')
      .query({ username: 'alice_access' })
      .set(bob.auth)
      .expect(200);
    expect(filtered.body).toEqual({ items: [], total: 0, limit: 20, offset: 0 });
  });

  it("answers 404 for another user's booking, and its cancel changes nothing", async () => {
    const get = await t.http.get(`/bookings/${aliceBooking.id}`).set(bob.auth).expect(404);
    expect(get.body.code).toBe('BOOKING.NOT_FOUND');
    const cancel = await t.http
      .post(`/bookings/${aliceBooking.id}/cancel`)
      .set(bob.auth)
      .expect(404);
    expect(cancel.body.code).toBe('BOOKING.NOT_FOUND');
    const own = await t.http.get(`/bookings/${aliceBooking.id}`).set(alice.auth).expect(200);
    expect(own.body.status).toBe('confirmed');
  });

  it("answers 404 for another user's /users/:username/bookings, as for a stranger", async () => {
    const other = await t.http.get('/users/Alice_Access/bookings').set(bob.auth).expect(404);
    const none = await t.http.get('/users/no_such_user/bookings').set(bob.auth).expect(404);
    expect(other.body.code).toBe(none.body.code);
    expect(other.body.code).toBe('USER.NOT_FOUND');
  });

  it('lists /users/:username/bookings for the user (any case) and for an admin', async () => {
    const self = await t.http.get('/users/alice_ACCESS/bookings').set(alice.auth).expect(200);
    expect(self.body).toMatchObject({ total: 1, limit: 20, offset: 0 });
    expect(self.body.items[0]).toMatchObject({ id: aliceBooking.id, userId: alice.user.id });
    const byAdmin = await t.http.get('/users/alice_access/bookings').set(admin.auth).expect(200);
    expect(byAdmin.body).toEqual(self.body);
    await t.http.get('/users/alice_access/bookings').expect(401);
    await t.http.get('/users/nobody_here/bookings').set(admin.auth).expect(404);
  });

  it("lets an admin list everyone's bookings with filters and cancel any booking", async () => {
    const venue = await createVenue(t.ds, { timezone: 'Asia/Kolkata' });
    // 20:00 UTC is 01:30 the next day in Kolkata: the date filter uses the venue's day.
    const startsAt = new Date(Date.now() + 40 * 86_400_000);
    startsAt.setUTCHours(20, 0, 0, 0);
    const show = await createShow(t.ds, { venue, startsAt, capacity: 20 });
    const localDay = new Date(startsAt.getTime() + 5.5 * 3_600_000).toISOString().slice(0, 10);
    const utcDay = startsAt.toISOString().slice(0, 10);
    const carol = await createUser(t);
    const { body: booking } = await t.http
      .post('/bookings')
      .set(carol.auth)
      .send({ showId: show.id, seats: 3 })
      .expect(201);

    const all = await t.http.get('/bookings').set(admin.auth).expect(200);
    expect(all.body.total).toBeGreaterThanOrEqual(3);
    const byUser = await t.http
      .get('/bookings')
      .query({ username: carol.user.username.toUpperCase() })
      .set(admin.auth)
      .expect(200);
    expect(byUser.body.items.map((b: { id: number }) => b.id)).toEqual([booking.id]);
    const byShow = await t.http.get('/bookings').query({ showId: show.id }).set(admin.auth);
    expect(byShow.body.total).toBe(1);
    const byDay = await t.http.get('/bookings').query({ date: localDay }).set(admin.auth);
    expect(byDay.body.items.map((b: { id: number }) => b.id)).toContain(booking.id);
    const wrongDay = await t.http.get('/bookings').query({ date: utcDay }).set(admin.auth);
    expect(wrongDay.body.items.map((b: { id: number }) => b.id)).not.toContain(booking.id);

    await t.http.post(`/bookings/${booking.id}/cancel`).set(admin.auth).expect(200);
    const cancelled = await t.http
      .get('/bookings')
      .query({ status: 'cancelled', showId: show.id })
      .set(admin.auth)
      .expect(200);
    expect(cancelled.body.items).toEqual([
      expect.objectContaining({ id: booking.id, status: 'cancelled' }),
    ]);
    const [row] = await t.ds.query('SELECT seats_booked FROM shows WHERE id = $1', [show.id]);
    expect(row.seats_booked).toBe(0);
  });

  it('paginates newest first with the total', async () => {
    const dave = await createUser(t);
    const show = await createShow(t.ds, { capacity: 50 });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.http
        .post('/bookings')
        .set(dave.auth)
        .send({ showId: show.id, seats: 1 })
        .expect(201);
      ids.push(res.body.id);
    }
    const page = await t.http
      .get('/bookings')
      .query({ limit: 2, offset: 1 })
      .set(dave.auth)
      .expect(200);
    expect(page.body).toMatchObject({ total: 5, limit: 2, offset: 1 });
    expect(page.body.items.map((b: { id: number }) => b.id)).toEqual([ids[3], ids[2]]);
    const beyond = await t.http.get('/bookings').query({ offset: 10 }).set(dave.auth).expect(200);
    expect(beyond.body).toEqual({ items: [], total: 5, limit: 20, offset: 10 });
  });

  it.each([
    ['an impossible date', { date: '2026-02-30' }],
    ['a date in another format', { date: '03-12-2026' }],
    ['an unknown status', { status: 'pending' }],
    ['a non-numeric showId', { showId: 'abc' }],
    ['a limit over 100', { limit: 1000 }],
    ['an unknown parameter', { sort: 'id' }],
  ])('refuses %s with a 400 problem', async (_name, query) => {
    const res = await t.http.get('/bookings').query(query).set(admin.auth).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('publishes the operation ids the generated client uses', async () => {
    const doc = await t.http.get('/docs-json').expect(200);
    const ids = Object.values(doc.body.paths as Record<string, Record<string, unknown>>)
      .flatMap((item) => Object.values(item))
      .map((op) => (op as { operationId?: string }).operationId);
    for (const id of [
      'createBooking',
      'listBookings',
      'getBooking',
      'cancelBooking',
      'listUserBookings',
    ]) {
      expect(ids).toContain(id);
    }
  });
});
