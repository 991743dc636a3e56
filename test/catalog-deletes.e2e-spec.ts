import { Booking } from '../src/bookings/entities/booking.entity';
import { SHOW_CANCELLED } from '../src/mail/cancellation-notifier';
import { Notification } from '../src/mail/entities/notification.entity';
import { Show } from '../src/shows/entities/show.entity';
import { Venue } from '../src/venues/entities/venue.entity';
import { createTestApp, TestApp } from './support/app';
import { createAdmin, createShow, createUser, createVenue, TestUser } from './support/factories';

describe('catalogue deletes (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await createAdmin(t);
  });
  afterAll(() => t.close());

  async function book(show: Show, userId: number, seats: number, status = 'confirmed') {
    await t.ds.getRepository(Booking).insert({
      showId: show.id,
      userId,
      seats,
      unitPrice: show.price,
      status: status as Booking['status'],
      cancelledAt: status === 'cancelled' ? new Date() : null,
    });
    if (status === 'confirmed') {
      await t.ds.getRepository(Show).increment({ id: show.id }, 'seatsBooked', seats);
    }
  }

  const noticesFor = (showId: number) =>
    t.ds.getRepository(Notification).findBy({ kind: SHOW_CANCELLED, period: String(showId) });

  it('deletes a show with its bookings and records one notice per affected user', async () => {
    const [alice, bob, carol] = await Promise.all([createUser(t), createUser(t), createUser(t)]);
    const show = await createShow(t.ds);
    const other = await createShow(t.ds);
    await book(show, alice.user.id, 2);
    await book(show, alice.user.id, 1);
    await book(show, bob.user.id, 3);
    await book(show, carol.user.id, 1, 'cancelled');
    await book(other, bob.user.id, 1);

    await t.http.delete(`/shows/${show.id}`).set(admin.auth).expect(204);

    await t.http.get(`/shows/${show.id}`).expect(404);
    expect(await t.ds.getRepository(Booking).countBy({ showId: show.id })).toBe(0);
    expect(await t.ds.getRepository(Booking).countBy({ showId: other.id })).toBe(1);
    const notices = await noticesFor(show.id);
    expect(notices.map((n) => n.userId).sort()).toEqual([alice.user.id, bob.user.id].sort());
    const forAlice = notices.find((n) => n.userId === alice.user.id);
    expect(forAlice?.payload).toMatchObject({
      showId: show.id,
      showName: show.name,
      seats: 3,
      startsAt: show.startsAt.toISOString(),
      timezone: 'Asia/Kolkata',
    });
    await t.http.delete(`/shows/${show.id}`).set(admin.auth).expect(404);
  });

  it('deletes a venue with its shows and bookings in one go, with notices', async () => {
    const user = await createUser(t);
    const venue = await createVenue(t.ds);
    const s1 = await createShow(t.ds, { venue });
    const s2 = await createShow(t.ds, { venue });
    const ended = await createShow(t.ds, {
      venue,
      startsAt: new Date(Date.now() - 5 * 3_600_000),
      endsAt: new Date(Date.now() - 3 * 3_600_000),
    });
    await book(s1, user.user.id, 2);
    await book(s2, user.user.id, 1);
    await book(ended, user.user.id, 1);

    await t.http.delete(`/venues/${venue.id}`).set(admin.auth).expect(204);

    await t.http.get(`/venues/${venue.id}`).expect(404);
    expect(await t.ds.getRepository(Venue).countBy({ id: venue.id })).toBe(0);
    expect(await t.ds.getRepository(Show).countBy({ venueId: venue.id })).toBe(0);
    const bookings = t.ds.getRepository(Booking);
    for (const s of [s1, s2, ended]) expect(await bookings.countBy({ showId: s.id })).toBe(0);
    expect((await noticesFor(s1.id)).map((n) => n.payload.seats)).toEqual([2]);
    expect((await noticesFor(s2.id)).map((n) => n.payload.seats)).toEqual([1]);
    // Nobody is told about a show that was already over.
    expect(await noticesFor(ended.id)).toEqual([]);
  });

  it('deletes a venue without shows', async () => {
    const venue = await createVenue(t.ds);
    await t.http.delete(`/venues/${venue.id}`).set(admin.auth).expect(204);
    expect(await t.ds.getRepository(Venue).countBy({ id: venue.id })).toBe(0);
  });
});
