import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import type { ParsedMail } from 'mailparser';
import { SchedulesService } from '../src/mail/jobs/schedules.service';
import { MAIL_QUEUE } from '../src/mail/mail.constants';
import { MailService } from '../src/mail/mail.service';
import { Notification } from '../src/mail/entities/notification.entity';
import { User } from '../src/users/entities/user.entity';
import { createTestApp, TestApp } from './support/app';
import { createAdmin, createShow, createUser, createVenue, TestUser } from './support/factories';
import { freePort, insertBooking, pdfToText, settleRun, SmtpCatcher } from './support/smtp';

const DAY = 86_400_000;

describe('emails: daily reminder, monthly report, unsubscribe (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpCatcher;
  let admin: TestUser;

  beforeAll(async () => {
    smtp = new SmtpCatcher(await freePort());
    await smtp.start();
    t = await createTestApp({ SMTP_URL: smtp.url, MAIL_RETRY_DELAY_MS: '200' });
    admin = await createAdmin(t);
  });
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  async function run(name: string): Promise<{ jobId: string; period: string }> {
    const res = await t.http.post(`/admin/jobs/${name}/run`).set(admin.auth).expect(202);
    expect(res.body).toMatchObject({ name, jobId: expect.any(String), period: expect.any(String) });
    await settleRun(t, res.body.jobId);
    return res.body;
  }

  const unsubscribeUrl = (mail: ParsedMail): string =>
    /<([^>]+)>/.exec(rawHeader(mail, 'list-unsubscribe'))?.[1] ?? '';

  describe('daily reminder', () => {
    let idle: TestUser;
    let bookedNextMonth: TestUser;
    let optedOut: TestUser;
    let bookedThisMonth: TestUser;

    beforeAll(async () => {
      idle = await createUser(t);
      bookedNextMonth = await createUser(t);
      optedOut = await createUser(t, { remindersEnabled: false });
      bookedThisMonth = await createUser(t);
      // "Now" is in the current month in any zone's view of now.
      const thisMonth = await createShow(t.ds, { startsAt: new Date() });
      const later = await createShow(t.ds, { startsAt: new Date(Date.now() + 45 * DAY) });
      await insertBooking(t, bookedThisMonth.user.id, thisMonth, 2);
      await insertBooking(t, bookedNextMonth.user.id, later, 1);
      await createShow(t.ds, { name: 'Stand-up Tonight' });
    });

    it('reaches users without a booking this month, and nobody else', async () => {
      await run('daily-reminder');
      const [mail] = await smtp.waitFor(idle.user.email);
      await smtp.waitFor(bookedNextMonth.user.email);
      expect(smtp.to(admin.user.email)).toHaveLength(0);
      expect(smtp.to(optedOut.user.email)).toHaveLength(0);
      expect(smtp.to(bookedThisMonth.user.email)).toHaveLength(0);

      expect(mail.text).toContain(`Hi ${idle.user.username}`);
      expect(mail.html).toContain(`Hi ${idle.user.username}`);
      expect(mail.text).toContain('Stand-up Tonight');
      expect(mail.text).toContain('Browse all shows: http://ticketshow.test/shows');
      expect(rawHeader(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      expect(unsubscribeUrl(mail)).toMatch(/^http:\/\/ticketshow\.test\/unsubscribe\?token=/);
      expect(mail.text).toContain(unsubscribeUrl(mail));
      expect(mail.html).toContain(unsubscribeUrl(mail));
    });

    it('sends nothing twice for a day, even when Bull has forgotten the jobs', async () => {
      await t.app.get<Queue>(getQueueToken(MAIL_QUEUE)).clean(0, 'completed');
      const { period } = await run('daily-reminder');
      await run('daily-reminder');
      expect(smtp.to(idle.user.email)).toHaveLength(1);
      expect(smtp.to(bookedNextMonth.user.email)).toHaveLength(1);
      const rows = await t.ds
        .getRepository(Notification)
        .findBy({ userId: idle.user.id, kind: 'daily-reminder' });
      expect(rows).toEqual([expect.objectContaining({ period, status: 'sent' })]);
    });

    it('sends one email when several workers deliver the same job at once', async () => {
      const racer = await createUser(t);
      const period = t.app.get(SchedulesService).periodOf('daily-reminder');
      const job = { kind: 'daily-reminder' as const, period, userId: racer.user.id };
      const mail = t.app.get(MailService);
      const outcomes = await Promise.all([mail.deliver(job), mail.deliver(job), mail.deliver(job)]);
      expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
      await smtp.waitFor(racer.user.email);
      expect(smtp.to(racer.user.email)).toHaveLength(1);
    });

    it('turns reminders off with the one-click link; the next run skips that user', async () => {
      const [mail] = smtp.to(idle.user.email);
      const url = new URL(unsubscribeUrl(mail));
      const path = `${url.pathname}${url.search}`;

      const page = await t.http.get(path).set('accept', 'text/html').expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('daily reminder emails');
      await t.http.get(path).expect(200, { scope: 'reminders' });
      // GET changed nothing (link scanners follow links).
      expect(
        (await t.ds.getRepository(User).findOneByOrFail({ id: idle.user.id })).remindersEnabled,
      ).toBe(true);

      await t.http
        .post(path)
        .set('content-type', 'application/x-www-form-urlencoded')
        .send('List-Unsubscribe=One-Click')
        .expect(200, { unsubscribed: true, scope: 'reminders' });
      const after = await t.ds.getRepository(User).findOneByOrFail({ id: idle.user.id });
      expect(after).toMatchObject({ remindersEnabled: false, reportsEnabled: true });

      // A new day: forget today's sent-log for both, then run again.
      await t.ds.getRepository(Notification).delete({ kind: 'daily-reminder' });
      await t.app.get<Queue>(getQueueToken(MAIL_QUEUE)).clean(0, 'completed');
      await run('daily-reminder');
      expect(smtp.to(bookedNextMonth.user.email)).toHaveLength(2);
      expect(smtp.to(idle.user.email)).toHaveLength(1);
    });

    it('refuses a forged or tampered token with a 400 problem', async () => {
      const [mail] = smtp.to(bookedNextMonth.user.email);
      const token = new URL(unsubscribeUrl(mail)).searchParams.get('token') ?? '';
      const [body, mac] = token.split('.');
      const forged = `${Buffer.from(`${idle.user.id}.all`).toString('base64url')}.${mac}`;
      for (const bad of [forged, `${body}.x${mac.slice(1)}`, 'nonsense']) {
        const res = await t.http.post(`/unsubscribe?token=${bad}`).expect(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      await t.http.post('/unsubscribe').expect(400);
    });
  });

  describe('monthly report', () => {
    it('emails each user the PDF with their name, a booked show and an upcoming show', async () => {
      const reader = await createUser(t);
      const month = t.app.get(SchedulesService).periodOf('monthly-report');
      const [year, mon] = month.split('-').map(Number);
      const venue = await createVenue(t.ds, { name: 'Prithvi Theatre', location: 'Juhu, Mumbai' });
      const past = await createShow(t.ds, {
        venue,
        name: 'Hamlet Revisited',
        genre: 'Drama',
        price: 400,
        startsAt: new Date(Date.UTC(year, mon - 1, 15, 13, 30)),
      });
      await insertBooking(t, reader.user.id, past, 3);
      await createShow(t.ds, { name: 'Comedy Night Live', genre: 'Comedy' });
      await createShow(t.ds, {
        name: 'Drama Next Week',
        genre: 'Drama',
        startsAt: new Date(Date.now() + 7 * DAY),
      });

      await run('monthly-report');
      const [mail] = await smtp.waitFor(reader.user.email);
      expect(mail.subject).toContain('Monthly Entertainment Report');
      expect(mail.text).toContain(`Hi ${reader.user.username}`);
      expect(mail.text).toContain('You had 1 booking for 3 seats, 1,200 paid in total');
      expect(rawHeader(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      expect(mail.attachments).toHaveLength(1);
      const [pdf] = mail.attachments;
      expect(pdf).toMatchObject({
        contentType: 'application/pdf',
        filename: `monthly-report-${month}.pdf`,
      });

      const text = pdfToText(pdf.content);
      expect(text).toContain('Monthly Entertainment Report');
      expect(text).toContain(reader.user.username);
      expect(text).toContain('Hamlet Revisited');
      expect(text).toContain('Prithvi Theatre');
      expect(text).toContain('Comedy Night Live');
      // Their booked genre (Drama) comes first among the upcoming shows.
      expect(text.indexOf('Drama Next Week')).toBeLessThan(text.indexOf('Comedy Night Live'));
      expect(smtp.to(admin.user.email)).toHaveLength(0);
    });

    it('goes to nobody who turned reports off', async () => {
      const quiet = await createUser(t, { reportsEnabled: false });
      await run('monthly-report');
      expect(smtp.to(quiet.user.email)).toHaveLength(0);
    });
  });

  it('answers an unknown job name with a 404 problem, and non-admins with 403', async () => {
    const res = await t.http.post('/admin/jobs/nightly-backup/run').set(admin.auth).expect(404);
    expect(res.body).toMatchObject({ status: 404, code: 'ADMIN.JOB_NOT_FOUND' });
    const user = await createUser(t);
    await t.http.post('/admin/jobs/daily-reminder/run').set(user.auth).expect(403);
  });
});

/** A header as sent (mailparser folds List-* headers into a structured `list` value). */
function rawHeader(mail: ParsedMail, name: string): string {
  const line = mail.headerLines.find((h) => h.key === name)?.line ?? '';
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n\s+/g, ' ')
    .trim();
}
