import { createServer, Server, Socket } from 'node:net';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import type { Cache } from 'cache-manager';
import Redis from 'ioredis';
import { GENERATION_KEY, ListingCache } from '../src/common/cache/listing-cache.service';
import { createTestApp, TestApp } from './support/app';
import { createAdmin, createShow, createVenue, TestUser } from './support/factories';

const SHOW = {
  name: 'Cached',
  language: 'Hindi',
  genre: 'Comedy',
  rating: 7,
  price: 100,
  startsAt: '2027-03-01T19:00',
  endsAt: '2027-03-01T21:00',
};

describe('listing cache (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await createAdmin(t);
  });
  afterAll(() => t.close());

  /** GETs twice: the first is a miss, the second a hit with the very same body. */
  async function warm(path: string) {
    const miss = await t.http.get(path).expect(200);
    expect(miss.headers['x-cache']).toBe('miss');
    const hit = await t.http.get(path).expect(200);
    expect(hit.headers['x-cache']).toBe('hit');
    expect(hit.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(hit.text).toBe(miss.text);
    return hit;
  }

  it('caches every public listing and never GET /shows/:id', async () => {
    const venue = await createVenue(t.ds);
    const show = await createShow(t.ds, { venue });
    for (const path of ['/shows', '/venues', `/venues/${venue.id}`, `/venues/${venue.id}/shows`]) {
      await warm(path);
    }
    await warm('/venue-shows?limit=5');
    for (let i = 0; i < 2; i++) {
      const res = await t.http.get(`/shows/${show.id}`).expect(200);
      expect(res.headers['x-cache']).toBeUndefined();
    }
  });

  it('keys by path and normalised query', async () => {
    await warm('/shows?genre=Comedy&limit=5');
    const res = await t.http.get('/shows?limit=5&genre=Comedy&q=').expect(200);
    expect(res.headers['x-cache']).toBe('hit');
    const other = await t.http.get('/shows?limit=6&genre=Comedy').expect(200);
    expect(other.headers['x-cache']).toBe('miss');
  });

  it('stores the body itself, tagged with its generation, not a keyv JSON envelope', async () => {
    const hit = await warm('/venues?limit=3');
    const redis = new Redis(process.env.REDIS_URL ?? '');
    try {
      const prefix = `${process.env.REDIS_PREFIX}:cache::listings:`;
      const generation = await redis.get(`${prefix}generation`);
      const entry = await redis.get(`${prefix}entry:/venues?limit=3`);
      expect(generation).toMatch(/^[a-z0-9]+\.[0-9a-f]{12}$/);
      expect(entry).toBe(`${generation}\n${hit.text}`);
    } finally {
      redis.disconnect();
    }
  });

  describe('invalidation: the next read after any catalogue write is fresh', () => {
    const listings = (venueId: number) => [
      '/shows?limit=100',
      '/venues?limit=100',
      `/venues/${venueId}`,
      `/venues/${venueId}/shows`,
      '/venue-shows?limit=100',
    ];

    async function expectFreshAfter(venueId: number, write: () => Promise<unknown>) {
      for (const path of listings(venueId)) {
        await t.http.get(path).expect(200);
        expect((await t.http.get(path).expect(200)).headers['x-cache']).toBe('hit');
      }
      await write();
      for (const path of listings(venueId)) {
        // A 404 (deleted venue) carries no x-cache at all; what matters is that it is no hit.
        const res = await t.http.get(path);
        const expected = res.status === 200 ? 'miss' : undefined;
        expect([path, res.headers['x-cache']]).toEqual([path, expected]);
      }
    }

    it('after createVenue', async () => {
      const venue = await createVenue(t.ds);
      let created = 0;
      await expectFreshAfter(venue.id, async () => {
        const res = await t.http
          .post('/venues')
          .set(admin.auth)
          .send({ name: 'New', location: 'X', capacity: 5 })
          .expect(201);
        created = res.body.id;
      });
      const list = await t.http.get('/venues?limit=100').expect(200);
      expect(list.body.items.map((v: { id: number }) => v.id)).toContain(created);
    });

    it('after updateVenue', async () => {
      const venue = await createVenue(t.ds);
      await expectFreshAfter(venue.id, () =>
        t.http.patch(`/venues/${venue.id}`).set(admin.auth).send({ name: 'Renamed' }).expect(200),
      );
      await t.http.get(`/venues/${venue.id}`).expect(200, /"name":"Renamed"/);
    });

    it('after createShow, updateShow and deleteShow', async () => {
      const venue = await createVenue(t.ds);
      let id = 0;
      await expectFreshAfter(venue.id, async () => {
        const res = await t.http.post(`/venues/${venue.id}/shows`).set(admin.auth).send(SHOW);
        id = res.body.id;
      });
      const shows = await t.http.get(`/venues/${venue.id}/shows`).expect(200);
      expect(shows.body.items.map((s: { id: number }) => s.id)).toEqual([id]);

      await expectFreshAfter(venue.id, () =>
        t.http.patch(`/shows/${id}`).set(admin.auth).send({ price: 999 }).expect(200),
      );
      await t.http.get(`/venues/${venue.id}/shows`).expect(200, /"price":999/);

      await expectFreshAfter(venue.id, () =>
        t.http.delete(`/shows/${id}`).set(admin.auth).expect(204),
      );
      await t.http.get(`/venues/${venue.id}/shows`).expect(200, /"total":0/);
    });

    it('after deleteVenue', async () => {
      const venue = await createVenue(t.ds);
      await warm(`/venues/${venue.id}`);
      await expectFreshAfter(venue.id, () =>
        t.http.delete(`/venues/${venue.id}`).set(admin.auth).expect(204),
      );
      await t.http.get(`/venues/${venue.id}`).expect(404);
    });
  });

  it('never serves what a slow reader stores after a write it started before', async () => {
    const cache = t.app.get(ListingCache);
    const venue = await createVenue(t.ds, { name: 'Before' });
    const path = `/venues/${venue.id}`;
    // A reader looks up (miss) and reads PostgreSQL before the write...
    await t.http.get(path).expect(200);
    const { generation } = await cache.lookup(path);
    expect(generation).toBeDefined();
    // ...the write commits and invalidates...
    await t.http.patch(path).set(admin.auth).send({ name: 'After' }).expect(200);
    // ...and only then does the slow reader store its stale body.
    await cache.store(path, generation ?? '', JSON.stringify({ id: venue.id, name: 'Before' }));
    const res = await t.http.get(path).expect(200);
    expect(res.headers['x-cache']).toBe('miss');
    expect(res.body.name).toBe('After');
  });

  it('starts a new generation when Redis lost it', async () => {
    await warm('/shows?limit=7');
    await t.app.get<string, Cache>(CACHE_MANAGER).del(GENERATION_KEY);
    expect((await t.http.get('/shows?limit=7')).headers['x-cache']).toBe('miss');
    expect((await t.http.get('/shows?limit=7')).headers['x-cache']).toBe('hit');
  });

  describe('when the cache Redis is down or stalled', () => {
    async function expectServedFromPostgres(app: TestApp) {
      const venue = await createVenue(app.ds);
      for (let i = 0; i < 3; i++) {
        const res = await app.http.get(`/venues/${venue.id}/shows`).expect(200);
        expect(res.headers['x-cache']).toBe('miss');
      }
      await app.http.get('/shows').expect(200);
      await app.http.get('/venue-shows').expect(200);
      const res = await app.http
        .patch(`/venues/${venue.id}`)
        .set(admin.auth)
        .send({ name: 'Still writable' })
        .expect(200);
      expect(res.body.name).toBe('Still writable');
      await app.http.get(`/venues/${venue.id}`).expect(200, /Still writable/);
    }

    it('answers from PostgreSQL when nothing listens on the cache port, and shuts down', async () => {
      const down = await createTestApp({ CACHE_REDIS_URL: 'redis://127.0.0.1:1' });
      try {
        await expectServedFromPostgres(down);
      } finally {
        await down.close();
      }
    });

    it('answers from PostgreSQL when Redis accepts connections but never replies', async () => {
      const sockets = new Set<Socket>();
      const blackhole: Server = createServer((s) => sockets.add(s.on('error', () => undefined)));
      await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
      const { port } = blackhole.address() as { port: number };
      const stalled = await createTestApp({
        CACHE_REDIS_URL: `redis://127.0.0.1:${port}`,
        CACHE_TIMEOUT_MS: '50',
      });
      try {
        await expectServedFromPostgres(stalled);
      } finally {
        await stalled.close();
        for (const s of sockets) s.destroy();
        await new Promise((resolve) => blackhole.close(resolve));
      }
    });
  });
});
