import { createTestApp, TestApp } from './support/app';
import { createAdmin, createUser, TEST_PASSWORD } from './support/factories';

/** A seed client's whole session, through the seed's paths only (plus the security cases). */
describe('legacy routes (e2e)', () => {
  let t: TestApp;
  let adminToken: string;
  let userToken: string;
  let venueId: number;
  let showId: number;
  const admin = { Authorization: '' };
  const user = { Authorization: '' };
  const nextYear = new Date().getUTCFullYear() + 1;

  beforeAll(async () => {
    t = await createTestApp();
    const a = await createAdmin(t, { username: 'boss' });
    const res = await t.http
      .post('/login')
      .send({ username: a.user.username, password: TEST_PASSWORD, admin: true })
      .expect(200);
    adminToken = res.body.access_token;
    admin.Authorization = `Bearer ${adminToken}`;
  });
  afterAll(() => t.close());

  it('signs up a user (never an admin) and logs in with the seed payloads', async () => {
    await t.http
      .post('/signup')
      .send({ username: 'alice', email: 'alice@example.test', password: 'Str0ng-enough-pass' })
      .expect(200, { message: 'Registered successfully' });
    const asAdmin = await t.http
      .post('/signup')
      .send({
        username: 'mallory',
        email: 'm@example.test',
        password: 'Str0ng-enough-pass',
        admin: 'admin',
      })
      .expect(403);
    expect(asAdmin.body.code).toBe('LEGACY.ADMIN_SIGNUP');

    const res = await t.http
      .post('/login')
      .send({ username: 'alice', password: 'Str0ng-enough-pass', admin: false })
      .expect(200);
    expect(res.body).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      userinfo: { userid: expect.any(Number), email: 'alice@example.test' },
    });
    userToken = res.body.access_token;
    user.Authorization = `Bearer ${userToken}`;
  });

  it('answers 401 {message: "invalid credentials"} for a wrong password or a wrong admin flag', async () => {
    for (const body of [
      { username: 'alice', password: 'wrong-password-1', admin: false },
      { username: 'alice', password: 'Str0ng-enough-pass', admin: true },
      { username: 'nobody', password: 'Str0ng-enough-pass', admin: false },
    ]) {
      const res = await t.http.post('/login').send(body).expect(401);
      expect(res.body.message).toBe('invalid credentials');
    }
  });

  it('lets the admin add a venue and a show with year/month/date/hours/minutes', async () => {
    await t.http
      .post('/addvenue')
      .set(admin)
      .send({ name: 'Prithvi', location: 'Juhu, Mumbai', seats: 5 })
      .expect(200, {});
    const venues = await t.http.get('/getallvenues').set(user).expect(200);
    const venue = venues.body.find((v: { name: string }) => v.name === 'Prithvi');
    expect(venue).toEqual({
      id: expect.any(Number),
      name: 'Prithvi',
      location: 'Juhu, Mumbai',
      seats: 5,
    });
    venueId = venue.id;

    const show = { name: 'Hamlet', language: 'Hindi', rating: 9, ticketprice: 300, genre: 'Drama' };
    await t.http
      .post(`/addshow/${venueId}`)
      .set(admin)
      .send({ ...show, year: nextYear, month: 3, date: 14, hours: 19, minutes: 30 })
      .expect(200, {});
    // The seed's forms sent strings; they still work.
    await t.http
      .post(`/addshow/${venueId}`)
      .set(admin)
      .send({
        ...show,
        name: 'Macbeth',
        year: String(nextYear),
        month: '3',
        date: '15',
        hours: '20',
        minutes: '0',
      })
      .expect(200, {});
  });

  it('refuses impossible dates, ratings and prices with 400', async () => {
    const base = { name: 'X', language: 'en', rating: 5, ticketprice: 10, genre: 'Drama' };
    const when = { year: nextYear, month: 2, date: 14, hours: 10, minutes: 0 };
    for (const bad of [
      { ...base, ...when, date: 30 },
      { ...base, ...when, hours: 25 },
      { ...base, ...when, rating: 11 },
      { ...base, ...when, ticketprice: -1 },
      { ...base, ...when, surprise: true },
    ]) {
      const res = await t.http.post(`/addshow/${venueId}`).set(admin).send(bad).expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    await t.http
      .post('/addshow/99999')
      .set(admin)
      .send({ ...base, ...when })
      .expect(404);
  });

  it('lets a user browse in the seed shapes, with the venue-local date and time', async () => {
    const all = await t.http.get('/getallshows').set(user).expect(200);
    const hamlet = all.body.find((s: { name: string }) => s.name === 'Hamlet');
    expect(hamlet).toEqual({
      id: expect.any(Number),
      name: 'Hamlet',
      language: 'Hindi',
      rating: 9,
      ticketprice: 300,
      genre: 'Drama',
      venue_id: venueId,
      date: `14-03-${nextYear}`,
      time: '19:30:00',
      bookedseats: 0,
    });
    showId = hamlet.id;
    const today = await t.http.get('/getallshowstoday').set(user).expect(200);
    expect(today.body.map((s: { id: number }) => s.id)).toContain(showId);
    const drama = await t.http.get('/getshows/Drama').set(user).expect(200);
    expect(drama.body[0]).toMatchObject({
      venue_name: 'Prithvi',
      venue_location: 'Juhu, Mumbai',
      seats_available: 5,
    });
    await t.http
      .get(`/getshow/${showId}`)
      .set(user)
      .expect(200)
      .expect(({ body }) => expect(body.id).toBe(showId));
    await t.http
      .get(`/getvenue/${venueId}`)
      .set(user)
      .expect(200, { id: venueId, name: 'Prithvi', location: 'Juhu, Mumbai', seats: 5 });
    const byVenue = await t.http.get('/getallvenueshows').set(user).expect(200);
    expect(byVenue.body[String(venueId)]).toHaveLength(2);
    await t.http.get('/getshow/99999').set(user).expect(404);
    await t.http.get('/getshow/abc').set(user).expect(400);
    await t.http.get('/getallshows').expect(401);
  });

  it('books through /book with the seed refusals as 403', async () => {
    await t.http
      .post('/book')
      .set(user)
      .send({ show_id: showId, numberofseats: 2 })
      .expect(200, {});
    await t.http.post('/book').set(user).send({ show_id: showId, numberofseats: 0 }).expect(403);
    await t.http.post('/book').set(user).send({ show_id: showId, numberofseats: -3 }).expect(403);
    const out = await t.http
      .post('/book')
      .set(user)
      .send({ show_id: showId, numberofseats: 4 })
      .expect(403);
    expect(out.body.message).toMatch(/seat/i);
    await t.http
      .post('/book')
      .set(user)
      .send({ show_id: showId, numberofseats: 1, username: 'boss' })
      .expect(403);
    await t.http.post('/book').set(user).send({ show_id: 99999, numberofseats: 1 }).expect(404);
    await t.http.post('/book').set(user).send({ show_id: 'abc', numberofseats: 1 }).expect(400);
    const show = await t.http.get(`/getshow/${showId}`).set(user).expect(200);
    expect(show.body.bookedseats).toBe(2);
  });

  it('shows bookings and user info to the user and admins only', async () => {
    const mine = await t.http.get('/getallbookings/alice').set(user).expect(200);
    expect(mine.body).toEqual([
      {
        venue_name: 'Prithvi',
        location: 'Juhu, Mumbai',
        show_name: 'Hamlet',
        date: `14-03-${nextYear}`,
        time: '19:30:00',
        numberofseats: 2,
      },
    ]);
    await t.http.get('/getallbookings/ALICE').set(admin).expect(200);
    await t.http.get('/getallbookings/boss').set(user).expect(404);
    const info = await t.http.get('/userinfo/alice').set(user).expect(200);
    expect(info.body).toEqual({
      id: expect.any(Number),
      username: 'alice',
      admin: false,
      email: 'alice@example.test',
    });
    await t.http.get('/userinfo/boss').set(user).expect(404);
    await t.http.get('/userinfo/alice').set(admin).expect(200);
  });

  it('keeps admin routes for admins', async () => {
    await t.http
      .post('/addvenue')
      .set(user)
      .send({ name: 'V', location: 'L', seats: 5 })
      .expect(403);
    await t.http.delete(`/deleteshow/${showId}`).set(user).expect(403);
    await t.http.get(`/export-csv-data/${venueId}`).set(user).expect(403);
    const other = await createUser(t);
    await t.http.get('/download-csvexport').set(other.auth).expect(404);
  });

  it('exports a venue: start, poll the seed states, download the CSV', async () => {
    const started = await t.http.get(`/export-csv-data/${venueId}`).set(admin).expect(200);
    expect(started.body).toEqual({
      Task_id: expect.any(String),
      Task_state: 'PENDING',
      Task_result: null,
    });
    const deadline = Date.now() + 20_000;
    let state = '';
    while (Date.now() < deadline) {
      const res = await t.http.get(`/status/${started.body.Task_id}`).set(admin).expect(200);
      expect(['PENDING', 'STARTED', 'SUCCESS']).toContain(res.body.Task_State);
      state = res.body.Task_State;
      if (state === 'SUCCESS') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(state).toBe('SUCCESS');
    await t.http.get(`/status/${started.body.Task_id}`).set(user).expect(404);
    await t.http.get('/status/not-a-uuid').set(admin).expect(400);
    const csv = await t.http.get('/download-csvexport').set(admin).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text).toContain('Hamlet');
  });

  it('edits and deletes through the seed paths', async () => {
    await t.http
      .post(`/editshow/${showId}`)
      .set(admin)
      .send({
        name: 'Hamlet (revival)',
        language: 'Hindi',
        rating: 8.5,
        ticketprice: 350,
        genre: 'Drama',
      })
      .expect(200, {});
    const show = await t.http.get(`/getshow/${showId}`).set(user).expect(200);
    expect(show.body).toMatchObject({ name: 'Hamlet (revival)', rating: 8.5, ticketprice: 350 });
    await t.http.post(`/editshow/${showId}`).set(admin).send({ rating: 12 }).expect(400);
    await t.http
      .post(`/editvenue/${venueId}`)
      .set(admin)
      .send({ name: 'Prithvi Theatre', location: 'Juhu, Mumbai', seats: 10 })
      .expect(200, {});
    await t.http
      .get(`/getvenue/${venueId}`)
      .set(user)
      .expect(200)
      .expect(({ body }) => expect(body.seats).toBe(10));
    await t.http.delete(`/deleteshow/${showId}`).set(admin).expect(200, {});
    await t.http.get(`/getshow/${showId}`).set(user).expect(404);
    await t.http.delete(`/deletevenue/${venueId}`).set(admin).expect(200, {});
    await t.http.get(`/getvenue/${venueId}`).set(user).expect(404);
    await t.http.delete(`/deletevenue/${venueId}`).set(admin).expect(404);
  });

  it('marks every legacy operation deprecated under the legacy tag, naming its replacement', async () => {
    const doc = await t.http.get('/docs-json').expect(200);
    const legacy = Object.entries(
      doc.body.paths as Record<
        string,
        Record<string, { tags?: string[]; deprecated?: boolean; description?: string }>
      >,
    )
      .flatMap(([path, ops]) => Object.values(ops).map((op) => ({ path, ...op })))
      .filter((op) => op.tags?.includes('legacy'));
    expect(legacy.map((op) => op.path).sort()).toEqual(
      [
        '/addshow/{venueid}',
        '/addvenue',
        '/book',
        '/deleteshow/{showid}',
        '/deletevenue/{venueid}',
        '/download-csvexport',
        '/editshow/{showid}',
        '/editvenue/{venueid}',
        '/export-csv-data/{venueid}',
        '/getallbookings/{username}',
        '/getallshows',
        '/getallshowstoday',
        '/getallvenues',
        '/getallvenueshows',
        '/getshow/{showid}',
        '/getshows/{genre}',
        '/getvenue/{venueid}',
        '/login',
        '/signup',
        '/status/{taskid}',
        '/userinfo/{username}',
      ].sort(),
    );
    for (const op of legacy) {
      expect(op.deprecated).toBe(true);
      expect(op.description).toMatch(/Use `(GET|POST|PATCH|DELETE) \//);
    }
  });
});
