import { randomBytes } from 'node:crypto';
import { createTicketShowClient, TicketShowClient } from '../clients/typescript/src';
import { createTestApp, TestApp } from './support/app';
import { createShow, TEST_PASSWORD } from './support/factories';

/**
 * A dashboard built on the generated client (clients/typescript) works against the real app:
 * every call below goes over HTTP through that client only. The factories create only the
 * catalogue data a user cannot create (a show).
 */
describe('typed client (e2e)', () => {
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => t.close());

  async function signUpAndLogIn(): Promise<{ api: TicketShowClient; username: string }> {
    const anonymous = createTicketShowClient({ baseUrl });
    const username = `dash_${randomBytes(4).toString('hex')}`;
    const signup = await anonymous.POST('/auth/signup', {
      body: { username, email: `${username}@example.test`, password: TEST_PASSWORD },
    });
    expect(signup.response.status).toBe(201);
    expect(signup.data).toMatchObject({ username, role: 'user' });

    const login = await anonymous.POST('/auth/login', {
      body: { username, password: TEST_PASSWORD },
    });
    expect(login.response.status).toBe(200);
    expect(login.data?.tokenType).toBe('Bearer');
    const accessToken = login.data?.accessToken;
    return { api: createTicketShowClient({ baseUrl, accessToken }), username };
  }

  it('logs in, lists shows, books seats and reads the booking back', async () => {
    const show = await createShow(t.ds, { price: 300 });
    const { api, username } = await signUpAndLogIn();

    const me = await api.GET('/auth/me');
    expect(me.data?.username).toBe(username);

    const shows = await api.GET('/shows', { params: { query: { venueId: show.venueId } } });
    expect(shows.response.status).toBe(200);
    expect(shows.data?.items.map((s) => s.id)).toContain(show.id);

    const booked = await api.POST('/bookings', {
      body: { showId: show.id, seats: 2 },
      params: { header: { 'Idempotency-Key': `dash-${randomBytes(4).toString('hex')}` } },
    });
    expect(booked.response.status).toBe(201);
    expect(booked.data).toMatchObject({
      showId: show.id,
      seats: 2,
      unitPrice: 300,
      totalPrice: 600,
      status: 'confirmed',
    });

    const mine = await api.GET('/bookings');
    expect(mine.response.status).toBe(200);
    expect(mine.data?.items.map((b) => b.id)).toEqual([booked.data?.id]);

    const live = await api.GET('/shows/{id}', { params: { path: { id: show.id } } });
    expect(live.data?.seatsAvailable).toBe(show.capacity - 2);
  });

  it('surfaces problem documents as typed errors', async () => {
    const { api } = await signUpAndLogIn();
    const show = await createShow(t.ds);

    const bad = await api.POST('/bookings', { body: { showId: show.id, seats: 0 } });
    expect(bad.response.status).toBe(400);
    expect(bad.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(bad.error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });

    const anonymous = createTicketShowClient({ baseUrl });
    const denied = await anonymous.GET('/bookings');
    expect(denied.response.status).toBe(401);
    expect(denied.error?.code).toBe('AUTH.UNAUTHENTICATED');
  });
});
