import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Notification } from './entities/notification.entity';
import { MailQueue } from './mail.queue';
import { NotificationsRepository } from './notifications.repository';

/** One affected booking of a deleted show (or of a show of a deleted venue). */
export interface CancelledBookingNotice {
  userId: number;
  bookingId: number;
  showId: number;
  showName: string;
  venueName: string;
  /** ISO 8601 instant. */
  startsAt: string;
  /** The venue's IANA zone, to show the time as the user saw it. */
  timezone: string;
  seats: number;
}

/** What a show-cancelled notification carries: one per (user, show), seats summed. */
export type ShowCancelledPayload = Omit<CancelledBookingNotice, 'userId' | 'bookingId'> & {
  bookingIds: number[];
};

export const SHOW_CANCELLED = 'show-cancelled';
const PAGE = 500;

/** Several bookings of one user for one show become one notice naming the total seats. */
export function aggregateNotices(
  notices: CancelledBookingNotice[],
): Array<{ userId: number; payload: ShowCancelledPayload }> {
  const byUserShow = new Map<string, { userId: number; payload: ShowCancelledPayload }>();
  for (const { userId, bookingId, ...show } of notices) {
    const key = `${userId}:${show.showId}`;
    const seen = byUserShow.get(key);
    if (seen) {
      seen.payload.seats += show.seats;
      seen.payload.bookingIds.push(bookingId);
    } else {
      byUserShow.set(key, { userId, payload: { ...show, bookingIds: [bookingId] } });
    }
  }
  return [...byUserShow.values()];
}

/**
 * The contract between the catalogue and mail for "your show was cancelled" emails (outbox).
 * The catalogue calls `record` inside the transaction that deletes the show or venue, so a notice
 * exists exactly when the delete commits; it calls `dispatch` after the commit to send them now.
 * A crash between the two loses nothing: the sweeper enqueues pending notices a few minutes old.
 */
@Injectable()
export class CancellationNotifier {
  private readonly logger = new Logger(CancellationNotifier.name);

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly mailQueue: MailQueue,
  ) {}

  async record(manager: EntityManager, notices: CancelledBookingNotice[]): Promise<void> {
    const rows = aggregateNotices(notices);
    if (rows.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(
        rows.map(({ userId, payload }) => ({
          userId,
          kind: SHOW_CANCELLED,
          period: String(payload.showId),
          payload: { ...payload },
        })),
      )
      .orIgnore()
      .execute();
  }

  /**
   * Enqueues one mail job per pending show-cancelled notice. Never throws: the delete has
   * committed already, and what fails to enqueue here the sweeper enqueues later.
   */
  async dispatch(): Promise<void> {
    try {
      let afterId = '0';
      for (;;) {
        const rows = await this.notifications.findPending({
          kind: SHOW_CANCELLED,
          afterId,
          limit: PAGE,
        });
        await this.mailQueue.enqueueMany(
          rows.map((r) => ({ kind: SHOW_CANCELLED, period: r.period, userId: r.userId })),
        );
        if (rows.length < PAGE) return;
        afterId = rows[rows.length - 1].id;
      }
    } catch (err) {
      this.logger.warn(`Cancellation notices left for the sweeper: ${(err as Error).message}`);
    }
  }
}
