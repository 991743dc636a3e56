import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { EmailKind } from '../mail.constants';
import { MailQueue } from '../mail.queue';
import { NotificationsRepository } from '../notifications.repository';

const EVERY_MS = 60_000;
const MIN_AGE_SECONDS = 5 * 60;
const PAGE = 200;
const DAY = 86_400;
/** Past this age an email is stale: a reminder for last week helps nobody. */
const MAX_AGE_SECONDS: Record<EmailKind, number> = {
  'daily-reminder': DAY,
  'monthly-report': 7 * DAY,
  'show-cancelled': 14 * DAY,
};

/**
 * Nothing is lost between a commit and its enqueue, or after a job used up its attempts: every
 * minute, pending notifications older than five minutes get their mail job back. Job ids are
 * deterministic, so several workers sweeping at once add each job once.
 */
@Injectable()
export class NotificationSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationSweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly mailQueue: MailQueue,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweepSafely(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Re-enqueues stale pending notifications; returns how many it looked at. */
  async sweep(minAgeSeconds = MIN_AGE_SECONDS): Promise<number> {
    let seen = 0;
    for (const kind of Object.keys(MAX_AGE_SECONDS) as EmailKind[]) {
      const rows = await this.notifications.findPending({
        kind,
        afterId: '0',
        limit: PAGE,
        minAgeSeconds,
        maxAgeSeconds: MAX_AGE_SECONDS[kind],
      });
      for (const row of rows) {
        await this.mailQueue.ensureQueued({ kind, period: row.period, userId: row.userId });
      }
      seen += rows.length;
    }
    return seen;
  }

  private async sweepSafely(): Promise<void> {
    try {
      await this.sweep();
    } catch (err) {
      this.logger.warn(`Sweep failed: ${(err as Error).message}`);
    }
  }
}
