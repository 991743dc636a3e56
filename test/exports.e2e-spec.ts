import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { parseString } from 'fast-csv';
import { Booking } from '../src/bookings/entities/booking.entity';
import { JobsConfig, jobsConfig } from '../src/config';
import { VenueExport } from '../src/exports/entities/export.entity';
import {
  BUILD_EXPORT_JOB,
  buildJobOptions,
  BuildExportJob,
  EXPORTS_QUEUE,
} from '../src/exports/exports.constants';
import { ExportsScheduler } from '../src/exports/exports.scheduler';
import { monthInZone } from '../src/common/zoned-time';
import { Show } from '../src/shows/entities/show.entity';
import { Venue } from '../src/venues/entities/venue.entity';
import { createTestApp, TestApp } from './support/app';
import { createAdmin, createShow, createUser, createVenue, TestUser } from './support/factories';

const DAY = 24 * 3_600_000;
const HOUR = 3_600_000;
const INJECTION = '=HYPERLINK("http://evil.test","click, me")';

async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function parseCsv(text: string): Promise<Record<string, string>[]> {
  return new Promise((resolve, reject) => {
    const rows: Record<string, string>[] = [];
    parseString(text, { headers: true })
      .on('data', (row: Record<string, string>) => rows.push(row))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

describe('exports (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let otherAdmin: TestUser;
  let user: TestUser;
  let exportDir: string;
  let queue: Queue<BuildExportJob>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createAdmin(t);
    otherAdmin = await createAdmin(t);
    user = await createUser(t);
    exportDir = t.app.get<JobsConfig>(jobsConfig.KEY).exportDir;
    queue = t.app.get<Queue<BuildExportJob>>(getQueueToken(EXPORTS_QUEUE));
  });
  afterAll(() => t.close());

  const getExport = (id: string, who: TestUser = admin) =>
    t.http.get(`/exports/${id}`).set(who.auth);

  async function waitForStatus(id: string, status: string): Promise<Record<string, unknown>> {
    return waitFor(async () => {
      const res = await getExport(id).expect(200);
      return res.body.status === status ? (res.body as Record<string, unknown>) : undefined;
    }, `export ${id} to be ${status}`);
  }

  async function startExport(venueId: number, who: TestUser = admin): Promise<string> {
    const res = await t.http.post(`/venues/${venueId}/exports`).set(who.auth).expect(202);
    expect(res.body).toEqual({ id: expect.any(String), status: 'queued' });
    return res.body.id as string;
  }

  async function download(id: string, who: TestUser = admin): Promise<string> {
    const res = await t.http
      .get(`/exports/${id}/download`)
      .set(who.auth)
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => cb(null, text));
      })
      .expect(200);
    return res.body as string;
  }

  async function book(show: Show, seats: number, unitPrice: number, status = 'confirmed') {
    const { user: buyer } = await createUser(t);
    await t.ds.getRepository(Booking).save({
      userId: buyer.id,
      showId: show.id,
      seats,
      unitPrice,
      status,
      cancelledAt: status === 'cancelled' ? new Date() : null,
    } as Booking);
  }

  /** A venue with a show this month (bookings at 200, then repriced), a later one, an injection. */
  async function seedVenue(): Promise<{ venue: Venue; current: Show; later: Show; evil: Show }> {
    const venue = await createVenue(t.ds, { timezone: 'Asia/Kolkata' });
    const current = await createShow(t.ds, {
      venue,
      price: 200,
      seatsBooked: 5,
      startsAt: new Date(Date.now() + HOUR),
    });
    await book(current, 2, 200);
    await book(current, 3, 200);
    await book(current, 4, 200, 'cancelled');
    await t.ds.getRepository(Show).update({ id: current.id }, { price: 999 });
    const later = await createShow(t.ds, { venue, startsAt: new Date(Date.now() + 400 * DAY) });
    const evil = await createShow(t.ds, {
      venue,
      name: INJECTION,
      genre: '-Thriller',
      startsAt: new Date(Date.now() + 2 * HOUR),
    });
    await book(evil, 1, 250);
    return { venue, current, later, evil };
  }

  describe('a full export', () => {
    let seeded: Awaited<ReturnType<typeof seedVenue>>;
    let id: string;
    let finished: Record<string, unknown>;

    beforeAll(async () => {
      seeded = await seedVenue();
      id = await startExport(seeded.venue.id);
      finished = await waitForStatus(id, 'done');
    });

    it('goes from queued to done with progress, counts and times', () => {
      expect(finished).toMatchObject({
        id,
        venueId: seeded.venue.id,
        status: 'done',
        progress: 100,
        rowCount: 3,
        createdAt: expect.any(String),
        startedAt: expect.any(String),
        finishedAt: expect.any(String),
      });
      expect(finished.error).toBeUndefined();
      expect(existsSync(join(exportDir, `${id}.csv`))).toBe(true);
      expect(existsSync(join(exportDir, `${id}.csv.tmp`))).toBe(false);
    });

    it('downloads as a CSV attachment named after the venue and the day', async () => {
      const res = await t.http.get(`/exports/${id}/download`).set(admin.auth).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const day = String(finished.finishedAt).slice(0, 10);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="venue-${seeded.venue.id}-${day}.csv"`,
      );
    });

    it('holds one row per show, revenue from prices paid, then this month’s totals', async () => {
      const text = await download(id);
      expect(text.split('\r\n')[0]).toBe(
        'Show ID,Show name,Language,Genre,Starts at,Price,Capacity,Seats booked,Seats available,Bookings,Revenue',
      );
      const rows = await parseCsv(text);
      expect(rows).toHaveLength(4);
      const byId = new Map(rows.map((r) => [r['Show ID'], r]));
      const current = byId.get(String(seeded.current.id));
      expect(current).toMatchObject({
        Price: '999', // today's price…
        Capacity: '100',
        'Seats booked': '5',
        'Seats available': '95',
        Bookings: '2', // the cancelled one does not count
        Revenue: '1000', // …but revenue is what was paid: 200 × (2 + 3)
      });
      expect(current?.['Starts at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30$/);
      expect(new Date(current?.['Starts at'] ?? '').getTime()).toBe(
        seeded.current.startsAt.getTime() - (seeded.current.startsAt.getTime() % 1000),
      );
      expect(byId.get(String(seeded.later.id))).toMatchObject({ Bookings: '0', Revenue: '0' });

      const month = monthInZone(new Date(), 'Asia/Kolkata');
      const thisMonth = [seeded.current, seeded.evil].filter(
        (s) => monthInZone(s.startsAt, 'Asia/Kolkata') === month,
      );
      const expected = { 1000: 2, 250: 1 } as Record<number, number>;
      const totals = rows[3];
      expect(totals['Show ID']).toBe(`TOTAL ${month}`);
      expect(totals['Show name']).toBe(`${thisMonth.length} shows this month`);
      expect(Number(totals.Bookings)).toBe(
        thisMonth.reduce((n, s) => n + (s === seeded.current ? expected[1000] : expected[250]), 0),
      );
      expect(Number(totals.Revenue)).toBe(
        thisMonth.reduce((n, s) => n + (s === seeded.current ? 1000 : 250), 0),
      );
    });

    it('neutralises formula cells and quotes per RFC 4180', async () => {
      const text = await download(id);
      expect(text).toContain(`"'=HYPERLINK(""http://evil.test"",""click, me"")"`);
      const rows = await parseCsv(text);
      const evil = rows.find((r) => r['Show ID'] === String(seeded.evil.id));
      expect(evil?.['Show name']).toBe(`'${INJECTION}`);
      expect(evil?.Genre).toBe("'-Thriller");
      for (const row of rows) {
        for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
    });

    it('lets any admin read and download it; a user gets 404, not a hint it exists', async () => {
      await getExport(id, otherAdmin).expect(200);
      await t.http.get(`/exports/${id}/download`).set(otherAdmin.auth).expect(200);
      const seen = await getExport(id, user).expect(404);
      expect(seen.body.code).toBe('EXPORT.NOT_FOUND');
      const dl = await t.http.get(`/exports/${id}/download`).set(user.auth).expect(404);
      expect(dl.body.code).toBe('EXPORT.NOT_FOUND');
      await t.http.get(`/exports/${id}`).expect(401);
    });
  });

  describe('starting', () => {
    it('is for admins only', async () => {
      const venue = await createVenue(t.ds);
      const res = await t.http.post(`/venues/${venue.id}/exports`).set(user.auth).expect(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await t.ds.getRepository(VenueExport).countBy({ venueId: venue.id })).toBe(0);
    });

    it('answers 404 for an unknown venue and 400 for a bad id, writing nothing', async () => {
      const before = await t.ds.getRepository(VenueExport).count();
      const res = await t.http.post('/venues/999999/exports').set(admin.auth).expect(404);
      expect(res.body.code).toBe('VENUE.NOT_FOUND');
      await t.http.post('/venues/abc/exports').set(admin.auth).expect(400);
      expect(await t.ds.getRepository(VenueExport).count()).toBe(before);
    });

    it('exports a venue with no shows as a header and a zero totals row', async () => {
      const venue = await createVenue(t.ds, { timezone: 'UTC' });
      const id = await startExport(venue.id);
      await waitForStatus(id, 'done');
      const rows = await parseCsv(await download(id));
      expect(rows).toEqual([
        expect.objectContaining({
          'Show ID': `TOTAL ${monthInZone(new Date(), 'UTC')}`,
          'Show name': '0 shows this month',
          Bookings: '0',
          Revenue: '0',
        }),
      ]);
    });
  });

  describe('reading', () => {
    it('answers 400 for a malformed id and 404 for an unknown one', async () => {
      const bad = await getExport('not-a-uuid').expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      await t.http.get('/exports/not-a-uuid/download').set(admin.auth).expect(400);
      await getExport('00000000-0000-4000-8000-000000000000').expect(404);
    });

    it('refuses to download before it is done: 409 with the status', async () => {
      const venue = await createVenue(t.ds);
      const queued = await t.ds
        .getRepository(VenueExport)
        .save({ venueId: venue.id, requestedBy: admin.user.id, status: 'queued' } as VenueExport);
      const res = await t.http.get(`/exports/${queued.id}/download`).set(admin.auth).expect(409);
      expect(res.body).toMatchObject({
        status: 409,
        code: 'EXPORT.NOT_READY',
        exportStatus: 'queued',
      });
    });

    it('lets a requester who is no longer admin see their own export, no one else’s', async () => {
      const venue = await createVenue(t.ds);
      const repo = t.ds.getRepository(VenueExport);
      const own = await repo.save({ venueId: venue.id, requestedBy: user.user.id } as VenueExport);
      await getExport(own.id, user).expect(200);
      const stranger = await createUser(t);
      await getExport(own.id, stranger).expect(404);
    });
  });

  describe('retries', () => {
    async function queueDirectly(venueId: number): Promise<string> {
      const exp = await t.ds
        .getRepository(VenueExport)
        .save({ venueId, requestedBy: admin.user.id, status: 'queued' } as VenueExport);
      return exp.id;
    }

    it('retries a failed attempt and overwrites a stale temp file; never a half file', async () => {
      const { venue } = await seedVenue();
      const id = await queueDirectly(venue.id);
      const tmp = join(exportDir, `${id}.csv.tmp`);
      await mkdir(tmp); // the first attempt cannot open its temp file
      await queue.add(BUILD_EXPORT_JOB, { exportId: id }, buildJobOptions(id));

      const retrying = await waitFor(async () => {
        const job = await queue.getJob(id);
        return job && job.attemptsMade >= 1 ? job : undefined;
      }, 'the first attempt to fail');
      expect(await retrying.isFailed()).toBe(false);
      const between = await waitForStatus(id, 'queued');
      expect(between.error).toMatch(/EISDIR/);
      // What a crashed run would leave: a partial file under the temp name.
      await rm(tmp, { recursive: true });
      await writeFile(tmp, 'Show ID,Show name\r\n1,HALF A FI');

      const done = await waitForStatus(id, 'done');
      expect(done).toMatchObject({ rowCount: 3, progress: 100 });
      expect(done.error).toBeUndefined();
      const text = await download(id);
      expect(text).not.toContain('HALF');
      expect(await parseCsv(text)).toHaveLength(4);
      expect(existsSync(tmp)).toBe(false);
    });

    it('marks the export failed after the last attempt, with no file and no download', async () => {
      const venue = await createVenue(t.ds);
      const id = await queueDirectly(venue.id);
      await mkdir(join(exportDir, `${id}.csv.tmp`));
      await queue.add(BUILD_EXPORT_JOB, { exportId: id }, buildJobOptions(id));

      const failed = await waitFor(
        async () => {
          const res = await getExport(id).expect(200);
          return res.body.status === 'failed' ? res.body : undefined;
        },
        'the export to fail',
        30_000,
      );
      expect(failed.error).toMatch(/Could not write the export file \(EISDIR/);
      expect(failed.error).not.toContain(exportDir);
      expect(existsSync(join(exportDir, `${id}.csv`))).toBe(false);
      const res = await t.http.get(`/exports/${id}/download`).set(admin.auth).expect(409);
      expect(res.body).toMatchObject({ exportStatus: 'failed', code: 'EXPORT.NOT_READY' });
      await rm(join(exportDir, `${id}.csv.tmp`), { recursive: true });
    });
  });

  describe('retention', () => {
    it('removes old exports with their files, stray old files and day-old temp files', async () => {
      const venue = await createVenue(t.ds);
      const repo = t.ds.getRepository(VenueExport);
      const old = await repo.save({
        venueId: venue.id,
        requestedBy: admin.user.id,
        status: 'done',
        fileName: 'x',
      } as VenueExport);
      await repo.update({ id: old.id }, { createdAt: new Date(Date.now() - 8 * DAY) });
      const fresh = await repo.save({
        venueId: venue.id,
        requestedBy: admin.user.id,
      } as VenueExport);
      const stray = '11111111-1111-4111-8111-111111111111';
      const staleTmp = '22222222-2222-4222-8222-222222222222';
      const liveTmp = '33333333-3333-4333-8333-333333333333';
      const files = {
        old: `${old.id}.csv`,
        fresh: `${fresh.id}.csv`,
        stray: `${stray}.csv`,
        staleTmp: `${staleTmp}.csv.tmp`,
        liveTmp: `${liveTmp}.csv.tmp`,
        unrelated: 'README.txt',
      };
      for (const name of Object.values(files)) await writeFile(join(exportDir, name), 'x');
      const aged = (name: string, ms: number) =>
        utimes(join(exportDir, name), new Date(Date.now() - ms), new Date(Date.now() - ms));
      await aged(files.stray, 8 * DAY);
      await aged(files.staleTmp, 2 * DAY);
      await aged(files.unrelated, 30 * DAY);

      const job = await t.app.get(ExportsScheduler).enqueueRetention();
      expect(job.id).toMatch(/^exports-retention:\d{4}-\d\d-\d\d$/);
      await job.finished();

      const left = await readdir(exportDir);
      expect(left).not.toContain(files.old);
      expect(left).not.toContain(files.stray);
      expect(left).not.toContain(files.staleTmp);
      expect(left).toEqual(expect.arrayContaining([files.fresh, files.liveTmp, files.unrelated]));
      expect(await repo.existsBy({ id: old.id })).toBe(false);
      expect(await repo.existsBy({ id: fresh.id })).toBe(true);
    });
  });
});
