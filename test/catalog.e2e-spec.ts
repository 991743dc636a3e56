import { Show } from '../src/shows/entities/show.entity';
import { Venue } from '../src/venues/entities/venue.entity';
import { createTestApp, TestApp } from './support/app';
import { createAdmin, createShow, createUser, createVenue, TestUser } from './support/factories';

const SHOW = {
  name: 'Hamlet',
  language: 'English',
  genre: 'Drama',
  rating: 8.5,
  price: 300,
  startsAt: '2026-12-24T19:30',
  endsAt: '2026-12-24T22:00:00+05:30',
};
const ids = (body: { items: { id: number }[] }): number[] => body.items.map((i) => i.id);

describe('catalogue (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let user: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await createAdmin(t);
    user = await createUser(t);
  });
  afterAll(() => t.close());

  it('creates a venue and a show rendered in the venue zone, and reads them back', async () => {
    const venue = await t.http
      .post('/venues')
      .set(admin.auth)
      .send({ name: 'Prithvi', location: 'Juhu, Mumbai', city: 'Mumbai', capacity: 120 })
      .expect(201);
    expect(venue.body).toEqual({
      id: expect.any(Number),
      name: 'Prithvi',
      location: 'Juhu, Mumbai',
      city: 'Mumbai',
      capacity: 120,
      timezone: 'Asia/Kolkata',
    });
    const show = await t.http
      .post(`/venues/${venue.body.id}/shows`)
      .set(admin.auth)
      .send(SHOW)
      .expect(201);
    expect(show.body).toMatchObject({
      venueId: venue.body.id,
      rating: 8.5,
      startsAt: '2026-12-24T19:30:00+05:30',
      endsAt: '2026-12-24T22:00:00+05:30',
      capacity: 120,
      seatsBooked: 0,
      seatsAvailable: 120,
      venue: { id: venue.body.id, name: 'Prithvi', timezone: 'Asia/Kolkata' },
    });
    await t.http.get(`/shows/${show.body.id}`).expect(200, show.body);
    await t.http.get(`/venues/${venue.body.id}`).expect(200, venue.body);
    const list = await t.http.get(`/venues/${venue.body.id}/shows`).expect(200);
    expect(list.body).toMatchObject({ total: 1, limit: 20, offset: 0 });
    expect(list.body.items[0]).toEqual(show.body);
  });

  describe('roles', () => {
    it('refuses writes to anonymous callers (401) and to users (403)', async () => {
      const venue = await createVenue(t.ds);
      const show = await createShow(t.ds, { venue });
      const writes = [
        () => t.http.post('/venues').send({ name: 'x', location: 'y', capacity: 1 }),
        () => t.http.patch(`/venues/${venue.id}`).send({ name: 'x' }),
        () => t.http.delete(`/venues/${venue.id}`),
        () => t.http.post(`/venues/${venue.id}/shows`).send(SHOW),
        () => t.http.patch(`/shows/${show.id}`).send({ name: 'x' }),
        () => t.http.delete(`/shows/${show.id}`),
      ];
      for (const write of writes) {
        expect((await write()).status).toBe(401);
        expect((await write().set(user.auth)).status).toBe(403);
      }
      await t.http.get(`/shows/${show.id}`).expect(200, /"name"/);
    });

    it('lets anyone read without a token', async () => {
      for (const path of ['/venues', '/shows', '/venue-shows']) {
        await t.http.get(path).expect(200);
      }
    });
  });

  describe('validation', () => {
    it.each([
      ['/venues/abc'],
      ['/venues/0'],
      ['/shows/1.5'],
      ['/shows?date=2026-02-30'],
      ['/shows?date=03-12-2026'],
      ['/shows?limit=0'],
      ['/shows?limit=101'],
      ['/shows?offset=-1'],
      ['/shows?venueId=abc'],
      ['/shows?from=2026-12-03'],
      ['/shows?nope=1'],
      ['/venues?limit=abc'],
      ['/venue-shows?limit=1000'],
    ])('GET %s → 400 problem', async (path) => {
      const res = await t.http.get(path).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });

    it('refuses bad venue bodies with 400 and writes nothing', async () => {
      const venues = t.ds.getRepository(Venue);
      const before = await venues.count();
      const bad = [
        { location: 'x', capacity: 10 },
        { name: 'x', location: 'y', capacity: 0 },
        { name: 'x', location: 'y', capacity: 10.5 },
        { name: 'x', location: 'y', capacity: '10' },
        { name: 'x', location: 'y', capacity: 10, timezone: 'Mars/Olympus' },
        { name: 'x', location: 'y', capacity: 10, seats: 10 },
        { name: ' ', location: 'y', capacity: 10 },
      ];
      for (const body of bad) {
        const res = await t.http.post('/venues').set(admin.auth).send(body);
        expect(res.status).toBe(400);
      }
      const venue = await createVenue(t.ds);
      await t.http.patch(`/venues/${venue.id}`).set(admin.auth).send({ name: null }).expect(400);
      await t.http.patch(`/venues/${venue.id}`).set(admin.auth).send({ id: 5 }).expect(400);
      expect(await venues.count()).toBe(before + 1);
      expect((await venues.findOneByOrFail({ id: venue.id })).name).toBe(venue.name);
    });

    it('refuses bad show bodies with 400', async () => {
      const venue = await createVenue(t.ds);
      const bad = [
        { ...SHOW, rating: 11 },
        { ...SHOW, rating: -1 },
        { ...SHOW, rating: 7.25 },
        { ...SHOW, price: -5 },
        { ...SHOW, price: 9.99 },
        { ...SHOW, startsAt: '2026-02-30T19:00:00+05:30' },
        { ...SHOW, startsAt: '2026-12-24' },
        { ...SHOW, endsAt: SHOW.startsAt },
        { ...SHOW, endsAt: '2026-12-24T18:00' },
        { ...SHOW, capacity: 0 },
        { ...SHOW, venueId: 3 },
      ];
      for (const body of bad) {
        const res = await t.http.post(`/venues/${venue.id}/shows`).set(admin.auth).send(body);
        expect([res.status, body]).toEqual([400, body]);
      }
      const show = await createShow(t.ds, { venue });
      const patch = { endsAt: new Date(show.startsAt.getTime() - 60_000).toISOString() };
      await t.http.patch(`/shows/${show.id}`).set(admin.auth).send(patch).expect(400);
      await t.http.patch(`/shows/${show.id}`).set(admin.auth).send({ price: null }).expect(400);
      const count = await t.ds.getRepository(Show).countBy({ venueId: venue.id });
      expect(count).toBe(1);
    });

    it('answers unknown ids with 404', async () => {
      await t.http.get('/venues/999999').expect(404);
      await t.http.get('/venues/999999/shows').expect(404);
      await t.http.get('/shows/999999').expect(404);
      await t.http.patch('/shows/999999').set(admin.auth).send({ name: 'x' }).expect(404);
      await t.http.delete('/shows/999999').set(admin.auth).expect(404);
      await t.http.patch('/venues/999999').set(admin.auth).send({ name: 'x' }).expect(404);
      await t.http.delete('/venues/999999').set(admin.auth).expect(404);
      const res = await t.http.post('/venues/999999/shows').set(admin.auth).send(SHOW);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('VENUE.NOT_FOUND');
    });
  });

  describe('venue-local dates', () => {
    it('filters date=YYYY-MM-DD by each venue own calendar day across midnight UTC', async () => {
      const city = `Zones-${Date.now()}`;
      const kolkata = await createVenue(t.ds, { timezone: 'Asia/Kolkata', city });
      const newYork = await createVenue(t.ds, { timezone: 'America/New_York', city });
      const at = (iso: string) => ({
        startsAt: new Date(iso),
        endsAt: new Date(Date.parse(iso) + 3_600_000),
      });
      // 2027-01-10T20:00Z is Jan 11, 01:30 in Kolkata and Jan 10, 15:00 in New York.
      const k11 = await createShow(t.ds, { venue: kolkata, ...at('2027-01-10T20:00:00Z') });
      const n10 = await createShow(t.ds, { venue: newYork, ...at('2027-01-10T20:00:00Z') });
      // 2027-01-11T03:00Z is Jan 11, 08:30 in Kolkata and Jan 10, 22:00 in New York.
      const k11b = await createShow(t.ds, { venue: kolkata, ...at('2027-01-11T03:00:00Z') });
      const n10b = await createShow(t.ds, { venue: newYork, ...at('2027-01-11T03:00:00Z') });
      // 2027-01-10T18:00Z is Jan 10, 23:30 in Kolkata.
      const k10 = await createShow(t.ds, { venue: kolkata, ...at('2027-01-10T18:00:00Z') });

      const day10 = await t.http.get('/shows?date=2027-01-10&limit=100').expect(200);
      expect(ids(day10.body)).toEqual([k10.id, n10.id, n10b.id]);
      const day11 = await t.http.get('/shows?date=2027-01-11&limit=100').expect(200);
      expect(ids(day11.body)).toEqual([k11.id, k11b.id]);
      expect(day11.body.items[0].startsAt).toBe('2027-01-11T01:30:00+05:30');
      const ny = await t.http.get(`/shows?date=2027-01-10&venueId=${newYork.id}`).expect(200);
      expect(ids(ny.body)).toEqual([n10.id, n10b.id]);
      expect(ny.body.items[1].startsAt).toBe('2027-01-10T22:00:00-05:00');
    });

    it('orders by start then id, pages, and filters by genre, q, from and to', async () => {
      const venue = await createVenue(t.ds);
      const start = new Date('2027-02-01T10:00:00Z');
      const same = { venue, startsAt: start, endsAt: new Date('2027-02-01T12:00:00Z') };
      const a = await createShow(t.ds, { ...same, genre: 'Jazz', name: 'Blue Note' });
      const b = await createShow(t.ds, { ...same, genre: 'jazz', name: 'Kind of Blue' });
      const c = await createShow(t.ds, {
        venue,
        genre: 'Rock',
        name: '100% Blues',
        startsAt: new Date('2027-02-02T10:00:00Z'),
        endsAt: new Date('2027-02-02T12:00:00Z'),
      });
      const base = `/venues/${venue.id}/shows`;
      expect(ids((await t.http.get(base).expect(200)).body)).toEqual([a.id, b.id, c.id]);
      const page = await t.http.get(`${base}?limit=1&offset=1`).expect(200);
      expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
      expect(ids(page.body)).toEqual([b.id]);
      const past = await t.http.get(`${base}?offset=50`).expect(200);
      expect(past.body).toEqual({ items: [], total: 3, limit: 20, offset: 50 });
      expect(ids((await t.http.get(`${base}?genre=JAZZ`)).body)).toEqual([a.id, b.id]);
      expect(ids((await t.http.get(`${base}?q=blue`)).body)).toEqual([a.id, b.id, c.id]);
      expect(ids((await t.http.get(`${base}?q=100%25`)).body)).toEqual([c.id]);
      const from = encodeURIComponent('2027-02-01T15:30:00+05:30');
      expect(ids((await t.http.get(`${base}?from=${from}`)).body)).toEqual([a.id, b.id, c.id]);
      const to = encodeURIComponent('2027-02-02T00:00:00Z');
      expect(ids((await t.http.get(`${base}?to=${to}`)).body)).toEqual([a.id, b.id]);
    });
  });

  describe('capacity', () => {
    it('defaults a show to its venue capacity and refuses to drop below seats booked', async () => {
      const venue = await createVenue(t.ds, { capacity: 50 });
      const res = await t.http.post(`/venues/${venue.id}/shows`).set(admin.auth).send(SHOW);
      expect(res.body.capacity).toBe(50);
      await t.ds.getRepository(Show).update({ id: res.body.id }, { seatsBooked: 30 });
      const conflict = await t.http
        .patch(`/shows/${res.body.id}`)
        .set(admin.auth)
        .send({ capacity: 29 })
        .expect(409);
      expect(conflict.body.code).toBe('SHOW.CAPACITY_BELOW_BOOKED');
      const ok = await t.http
        .patch(`/shows/${res.body.id}`)
        .set(admin.auth)
        .send({ capacity: 30, name: 'Renamed' })
        .expect(200);
      expect(ok.body).toMatchObject({ capacity: 30, seatsAvailable: 0, name: 'Renamed' });
    });

    it('carries a venue capacity change to upcoming shows only, all or nothing', async () => {
      const venue = await createVenue(t.ds, { capacity: 100 });
      const past = await createShow(t.ds, {
        venue,
        startsAt: new Date(Date.now() - 48 * 3_600_000),
        endsAt: new Date(Date.now() - 46 * 3_600_000),
      });
      const soon = await createShow(t.ds, { venue, seatsBooked: 10 });
      const later = await createShow(t.ds, {
        venue,
        seatsBooked: 60,
        startsAt: new Date(Date.now() + 96 * 3_600_000),
        endsAt: new Date(Date.now() + 98 * 3_600_000),
      });
      const conflict = await t.http
        .patch(`/venues/${venue.id}`)
        .set(admin.auth)
        .send({ capacity: 50, name: 'Not applied' })
        .expect(409);
      expect(conflict.body).toMatchObject({ code: 'SHOW.CAPACITY_BELOW_BOOKED', showId: later.id });
      const repo = t.ds.getRepository(Show);
      expect((await repo.findOneByOrFail({ id: soon.id })).capacity).toBe(100);
      await t.http.get(`/venues/${venue.id}`).expect(200, /"capacity":100/);

      const ok = await t.http
        .patch(`/venues/${venue.id}`)
        .set(admin.auth)
        .send({ capacity: 60, timezone: 'Europe/London' })
        .expect(200);
      expect(ok.body).toMatchObject({ capacity: 60, timezone: 'Europe/London' });
      expect((await repo.findOneByOrFail({ id: soon.id })).capacity).toBe(60);
      expect((await repo.findOneByOrFail({ id: later.id })).capacity).toBe(60);
      expect((await repo.findOneByOrFail({ id: past.id })).capacity).toBe(100);
    });
  });

  it('groups venues with their upcoming shows (GET /venue-shows)', async () => {
    const city = `Grouped-${Date.now()}`;
    const v1 = await createVenue(t.ds, { city });
    const v2 = await createVenue(t.ds, { city });
    const s1 = await createShow(t.ds, { venue: v1 });
    await createShow(t.ds, {
      venue: v1,
      startsAt: new Date(Date.now() - 5 * 3_600_000),
      endsAt: new Date(Date.now() - 3 * 3_600_000),
    });
    const res = await t.http.get(`/venue-shows?city=${city}`).expect(200);
    expect(res.body).toMatchObject({ total: 2, limit: 20, offset: 0 });
    expect(res.body.items.map((v: { id: number }) => v.id)).toEqual([v1.id, v2.id]);
    expect(ids({ items: res.body.items[0].shows })).toEqual([s1.id]);
    expect(res.body.items[0].shows[0].venue).toBeUndefined();
    expect(res.body.items[1].shows).toEqual([]);
  });

  it('filters venues by city and q', async () => {
    const city = `Pune-${Date.now()}`;
    const v = await createVenue(t.ds, { city, name: 'Balgandharva Rangmandir' });
    await createVenue(t.ds, { city, name: 'Other hall' });
    const res = await t.http.get(`/venues?city=${city.toUpperCase()}&q=gandharva`).expect(200);
    expect(ids(res.body)).toEqual([v.id]);
  });
});
