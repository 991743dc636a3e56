import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { CancellationNotifier } from '../src/mail/cancellation-notifier';
import { Notification } from '../src/mail/entities/notification.entity';
import { NotificationSweeper } from '../src/mail/jobs/notification.sweeper';
import { MAIL_QUEUE } from '../src/mail/mail.constants';
import { formatShowTime } from '../src/reports/calendar';
import { createTestApp, TestApp } from './support/app';
import { createAdmin, createShow, createUser, createVenue, TestUser } from './support/factories';
import { eventually, freePort, insertBooking, settleRun, SmtpCatcher } from './support/smtp';

/**
 * Delivery guarantees: an email survives an SMTP outage (retries with backoff) and arrives once;
 * cancellation notices reach every affected user once, also when the dispatch after the commit
 * never happened (the sweeper).
 */
describe('email delivery: retries and cancellation notices (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpCatcher;
  let admin: TestUser;
  let mailQueue: Queue;

  beforeAll(async () => {
    // The SMTP server is NOT started yet: the app begins with its SMTP port closed.
    smtp = new SmtpCatcher(await freePort());
    t = await createTestApp({
      SMTP_URL: smtp.url,
      MAIL_RETRY_DELAY_MS: '400',
      SMTP_TIMEOUT_MS: '2000',
    });
    admin = await createAdmin(t);
    mailQueue = t.app.get<Queue>(getQueueToken(MAIL_QUEUE));
  });
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  const sentLog = (userId: number, kind: string): Promise<Notification[]> =>
    t.ds.getRepository(Notification).findBy({ userId, kind });

  it('delivers once when the SMTP server is down at first and comes up later', async () => {
    const user = await createUser(t);
    const res = await t.http.post('/admin/jobs/daily-reminder/run').set(admin.auth).expect(202);
    const jobId = `daily-reminder:${res.body.period}:${user.user.id}`;

    const failedOnce = await eventually(async () => {
      const job = await mailQueue.getJob(jobId);
      return job && job.attemptsMade >= 1 ? job : undefined;
    }, 'the first send attempt to fail');
    expect(failedOnce.failedReason).toMatch(/ECONNREFUSED|connect/i);
    expect(await sentLog(user.user.id, 'daily-reminder')).toEqual([
      expect.objectContaining({ status: 'pending' }),
    ]);
    expect(smtp.messages).toHaveLength(0);

    await smtp.start();
    await smtp.waitFor(user.user.email);
    await settleRun(t, res.body.jobId);
    expect(smtp.to(user.user.email)).toHaveLength(1);
    expect(await sentLog(user.user.id, 'daily-reminder')).toEqual([
      expect.objectContaining({ status: 'sent' }),
    ]);
  });

  it('tells each user of a deleted show once, naming the show, venue, local time and total seats', async () => {
    const venue = await createVenue(t.ds, { name: 'Blue Note', timezone: 'America/New_York' });
    const show = await createShow(t.ds, { venue, name: 'Late Night Jazz' });
    const twice = await createUser(t);
    const once = await createUser(t);
    await insertBooking(t, twice.user.id, show, 2);
    await insertBooking(t, twice.user.id, show, 3);
    await insertBooking(t, once.user.id, show, 1);

    await t.http.delete(`/shows/${show.id}`).set(admin.auth).expect(204);

    const [mail] = await smtp.waitFor(twice.user.email);
    await smtp.waitFor(once.user.email);
    expect(mail.subject).toBe('Cancelled: Late Night Jazz at Blue Note');
    expect(mail.text).toContain(`Hi ${twice.user.username}`);
    expect(mail.text).toContain(formatShowTime(show.startsAt, 'America/New_York'));
    expect(mail.text).toContain('Your booking of 5 seats');
    expect(mail.html).toContain('Late Night Jazz');
    expect(smtp.to(once.user.email)[0].text).toContain('Your booking of 1 seat ');
    await eventually(async () => {
      const rows = await sentLog(twice.user.id, 'show-cancelled');
      return rows.length === 1 && rows[0].status === 'sent';
    }, 'the notice to be marked sent');
    expect(smtp.to(twice.user.email)).toHaveLength(1);
  });

  it('tells the users of every show of a deleted venue', async () => {
    const venue = await createVenue(t.ds, { name: 'Closing Hall' });
    const first = await createShow(t.ds, { venue, name: 'Farewell One' });
    const second = await createShow(t.ds, { venue, name: 'Farewell Two' });
    const fan = await createUser(t);
    await insertBooking(t, fan.user.id, first, 1);
    await insertBooking(t, fan.user.id, second, 4);

    await t.http.delete(`/venues/${venue.id}`).set(admin.auth).expect(204);

    const mails = await smtp.waitFor(fan.user.email, 2);
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'Cancelled: Farewell One at Closing Hall',
      'Cancelled: Farewell Two at Closing Hall',
    ]);
  });

  it('sends a recorded notice whose dispatch never ran, once the sweeper sees it', async () => {
    const show = await createShow(t.ds, { name: 'Crashed Before Dispatch' });
    const user = await createUser(t);
    // The delete committed with its notice, then the process died before dispatch().
    await t.ds.transaction((manager) =>
      t.app.get(CancellationNotifier).record(manager, [
        {
          userId: user.user.id,
          bookingId: 1,
          showId: show.id,
          showName: show.name,
          venueName: 'Somewhere',
          startsAt: show.startsAt.toISOString(),
          timezone: 'Asia/Kolkata',
          seats: 2,
        },
      ]),
    );
    expect(await t.app.get(NotificationSweeper).sweep(0)).toBeGreaterThanOrEqual(1);
    const [mail] = await smtp.waitFor(user.user.email);
    expect(mail.subject).toBe('Cancelled: Crashed Before Dispatch at Somewhere');

    await eventually(
      async () => (await sentLog(user.user.id, 'show-cancelled'))[0]?.status === 'sent',
      'the notice to be marked sent',
    );
    await t.app.get(NotificationSweeper).sweep(0);
    await t.app.get(CancellationNotifier).dispatch();
    await eventually(async () => {
      const c = await mailQueue.getJobCounts();
      return c.waiting + c.active + c.delayed === 0;
    }, 'the mail queue to drain');
    expect(smtp.to(user.user.email)).toHaveLength(1);
  });
});
