import { ReportsService } from '../src/reports/reports.service';
import { createTestApp, TestApp } from './support/app';
import { createShow, createUser, createVenue, TestUser } from './support/factories';
import { insertBooking, pdfToText } from './support/smtp';

type Parser = Parameters<ReturnType<TestApp['http']['get']>['parse']>[0];

/** Collects the raw body (supertest would not hand back a PDF's bytes otherwise). */
const binaryParser: Parser = (response, done) => {
  const chunks: Buffer[] = [];
  response.on('data', (c: Buffer) => chunks.push(c));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('GET /reports/monthly (e2e)', () => {
  let t: TestApp;
  let reader: TestUser;
  let other: TestUser;
  let lastMonth: string;

  beforeAll(async () => {
    t = await createTestApp();
    reader = await createUser(t);
    other = await createUser(t);
    lastMonth = t.app.get(ReportsService).defaultMonth();
    const [year, mon] = lastMonth.split('-').map(Number);
    const venue = await createVenue(t.ds, {
      name: 'NCPA Mumbai',
      location: 'Girgaon, Mumbai',
    });
    const startsAt = new Date(Date.UTC(year, mon - 1, 10, 14, 0));
    const opera = await createShow(t.ds, {
      venue,
      name: 'La Traviata',
      genre: 'Opera',
      price: 900,
      startsAt,
    });
    const secret = await createShow(t.ds, { venue, name: 'Someone Elses Show', startsAt });
    await insertBooking(t, reader.user.id, opera, 2);
    await insertBooking(t, other.user.id, secret, 1);
    await createShow(t.ds, { name: 'Opera In The Park', genre: 'Opera' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("returns the caller's report as an inline PDF: name, bookings with totals, upcoming shows", async () => {
    const res = await t.http
      .get(`/reports/monthly?month=${lastMonth}`)
      .set(reader.auth)
      .buffer(true)
      .parse(binaryParser)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="monthly-report-${lastMonth}.pdf"`,
    );
    expect((res.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfToText(res.body as Buffer);
    expect(text).toContain('Monthly Entertainment Report');
    expect(text).toContain(reader.user.username);
    expect(text).toContain('La Traviata');
    expect(text).toContain('NCPA Mumbai');
    expect(text).toMatch(/Total\s+1 booking\s+2\s+1,800/);
    expect(text).toContain('Opera In The Park');
    expect(text).not.toContain('Someone Elses Show');
  });

  it('covers last month by default', async () => {
    const res = await t.http.get('/reports/monthly').set(reader.auth).expect(200);
    expect(res.headers['content-disposition']).toContain(`monthly-report-${lastMonth}.pdf`);
  });

  it.each(['2026-13', '2026-1', 'november', '2026-11-01'])(
    'answers month=%s with a 400 problem',
    async (month) => {
      const res = await t.http.get(`/reports/monthly?month=${month}`).set(reader.auth).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'month' })]);
    },
  );

  it('needs a signed-in caller', async () => {
    await t.http.get('/reports/monthly').expect(401);
  });
});
