import { createTestApp, TestApp } from './support/app';
import { createAdmin, createShow, createUser, createVenue, TestUser } from './support/factories';

describe('catalogue (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await createAdmin(t);
  });
  afterAll(() => t.close());

  it('creates a venue and a show, lists and reads them', async () => {
    const venue = await t.http
      .post('/venues')
      .set(admin.auth)
      .send({ name: 'Prithvi', location: 'Juhu, Mumbai', city: 'Mumbai', capacity: 120 })
      .expect(201);
    expect(venue.body).toMatchObject({ capacity: 120, timezone: 'Asia/Kolkata', city: 'Mumbai' });
    const show = await t.http
      .post(`/venues/${venue.body.id}/shows`)
      .set(admin.auth)
      .send({
        name: 'Hamlet',
        language: 'English',
        genre: 'Drama',
        rating: 8.5,
        price: 300,
        startsAt: '2026-12-24T19:30',
        endsAt: '2026-12-24T22:00:00+05:30',
      })
      .expect(201);
    expect(show.body).toMatchObject({
      venueId: venue.body.id,
      startsAt: '2026-12-24T19:30:00+05:30',
      endsAt: '2026-12-24T22:00:00+05:30',
      capacity: 120,
      seatsBooked: 0,
      seatsAvailable: 120,
      venue: { id: venue.body.id, name: 'Prithvi', timezone: 'Asia/Kolkata' },
    });
    const list = await t.http.get('/shows').expect(200);
    expect(list.headers['x-cache']).toBe('miss');
    expect(list.body.items.map((s: { id: number }) => s.id)).toContain(show.body.id);
    const again = await t.http.get('/shows').expect(200);
    expect(again.headers['x-cache']).toBe('hit');
    expect(again.headers['content-type']).toMatch(/^application\/json/);
    expect(again.body).toEqual(list.body);
    await t.http.get(`/shows/${show.body.id}`).expect(200);
    const grouped = await t.http.get('/venue-shows').expect(200);
    expect(grouped.body.items[0].shows[0].id).toBe(show.body.id);
  });
});
