import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { MailConfig, mailConfig } from '../config';
import { MAIL_ATTEMPTS, MAIL_QUEUE, mailJobId, SEND_JOB, SendMailJob } from './mail.constants';

const ENQUEUE_TIMEOUT_MS = 5_000;

/** Puts emails on the `mail` queue: one job per email, deterministic id, retries with backoff. */
@Injectable()
export class MailQueue {
  private readonly logger = new Logger(MailQueue.name);

  constructor(
    @InjectQueue(MAIL_QUEUE) private readonly queue: Queue<SendMailJob>,
    @Inject(mailConfig.KEY) private readonly config: MailConfig,
  ) {}

  /** Adds the jobs Bull does not hold yet (same id = same email). Bounded: Redis may hang. */
  async enqueueMany(jobs: SendMailJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const bulk = jobs.map((data) => ({ name: SEND_JOB, data, opts: this.options(data) }));
    await withTimeout(this.queue.addBulk(bulk), ENQUEUE_TIMEOUT_MS, 'mail queue add');
  }

  /**
   * For the sweeper: makes sure a pending email has a live job. A job that used up its attempts
   * is retried; one that completed without sending (it found the row locked) is replaced.
   */
  async ensureQueued(data: SendMailJob): Promise<void> {
    const job = await this.queue.getJob(mailJobId(data));
    const state = job ? await job.getState() : undefined;
    if (job && state === 'failed') {
      await job.retry().catch((err: Error) => this.logger.warn(`retry ${job.id}: ${err.message}`));
      return;
    }
    if (job && state === 'completed') await job.remove();
    if (!job || state === 'completed') await this.enqueueMany([data]);
  }

  private options(data: SendMailJob): Parameters<Queue['add']>[2] {
    return {
      jobId: mailJobId(data),
      attempts: MAIL_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.retryDelayMs },
    };
  }
}

export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
