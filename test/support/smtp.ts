import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { SMTPServer } from 'smtp-server';
import { Booking } from '../../src/bookings/entities/booking.entity';
import { MAIL_QUEUE, SCHEDULES_QUEUE } from '../../src/mail/mail.constants';
import { Show } from '../../src/shows/entities/show.entity';
import type { TestApp } from './app';

/** A free TCP port on 127.0.0.1 (nothing listens on it when this returns). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Polls `probe` until it returns a truthy value, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * An in-process SMTP server that keeps every message it receives, parsed (mailparser), so tests
 * can read real emails back: recipients, headers, both parts and attachments.
 */
export class SmtpCatcher {
  readonly messages: ParsedMail[] = [];
  private server?: SMTPServer;

  constructor(readonly port: number) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.messages.push(mail);
            callback();
          })
          .catch((err: Error) => callback(err));
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Messages addressed to `email`. */
  to(email: string): ParsedMail[] {
    return this.messages.filter((m) => recipients(m).includes(email.toLowerCase()));
  }

  waitFor(email: string, count = 1, timeoutMs?: number): Promise<ParsedMail[]> {
    return eventually(
      () => (this.to(email).length >= count ? this.to(email) : undefined),
      `${count} email(s) to ${email}`,
      timeoutMs,
    );
  }
}

function recipients(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
}

// --- Helpers shared by the mail and report e2e tests -------------------------------------------

/** Waits until a scheduled run's job has completed and the mail queue has nothing left to do. */
export async function settleRun(t: TestApp, jobId: string): Promise<void> {
  const schedules = t.app.get<Queue>(getQueueToken(SCHEDULES_QUEUE));
  const mail = t.app.get<Queue>(getQueueToken(MAIL_QUEUE));
  await eventually(
    async () => (await (await schedules.getJob(jobId))?.getState()) === 'completed',
    `run ${jobId} to complete`,
  );
  await eventually(async () => {
    const c = await mail.getJobCounts();
    return c.waiting + c.active + c.delayed === 0;
  }, 'the mail queue to drain');
}

/** A confirmed booking straight in the database (seats counted on the show). */
export async function insertBooking(
  t: TestApp,
  userId: number,
  show: Show,
  seats: number,
): Promise<Booking> {
  await t.ds.getRepository(Show).increment({ id: show.id }, 'seatsBooked', seats);
  const repo = t.ds.getRepository(Booking);
  return repo.save(repo.create({ userId, showId: show.id, seats, unitPrice: show.price }));
}

/** A PDF's text as poppler's `pdftotext -layout` reads it. */
export function pdfToText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' });
}
