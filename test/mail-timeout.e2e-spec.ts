import { createServer, Server, Socket } from 'node:net';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { MAIL_QUEUE } from '../src/mail/mail.constants';
import { createTestApp, TestApp } from './support/app';
import { createAdmin, createUser } from './support/factories';
import { eventually, freePort, SmtpCatcher } from './support/smtp';

/** A server that accepts connections and never says a word: SMTP_TIMEOUT_MS must end the wait. */
describe('email delivery against a silent SMTP server (e2e)', () => {
  let t: TestApp;
  let port: number;
  let silent: Server;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    port = await freePort();
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
    t = await createTestApp({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      SMTP_TIMEOUT_MS: '1000',
      MAIL_RETRY_DELAY_MS: '300',
    });
  });
  afterAll(async () => {
    await t?.close();
    sockets.forEach((s) => s.destroy());
    silent.close();
  });

  it('gives up on a server that never greets, retries, and delivers once it answers', async () => {
    const admin = await createAdmin(t);
    const user = await createUser(t);
    const res = await t.http.post('/admin/jobs/daily-reminder/run').set(admin.auth).expect(202);
    const mailQueue = t.app.get<Queue>(getQueueToken(MAIL_QUEUE));
    const jobId = `daily-reminder:${res.body.period}:${user.user.id}`;

    // Nodemailer's own default would wait 30 s for the greeting; eventually() gives up at 15 s.
    const failed = await eventually(async () => {
      const job = await mailQueue.getJob(jobId);
      return job && job.attemptsMade >= 1 ? job : undefined;
    }, 'the silent server to time out');
    expect(failed.failedReason).toMatch(/greeting|timeout/i);

    sockets.forEach((s) => s.destroy());
    await new Promise((resolve) => silent.close(resolve));
    const smtp = new SmtpCatcher(port);
    await smtp.start();
    try {
      await smtp.waitFor(user.user.email);
      await eventually(
        async () => (await (await mailQueue.getJob(jobId))?.getState()) === 'completed',
        'the job to complete',
      );
      expect(smtp.to(user.user.email)).toHaveLength(1);
    } finally {
      await smtp.stop();
    }
  });
});
