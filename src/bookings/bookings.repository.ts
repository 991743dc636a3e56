import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { BookingStatus } from './entities/booking.entity';

export interface NewBooking {
  userId: number;
  showId: number;
  seats: number;
  unitPrice: number;
  /** MAX_SEATS_PER_USER_PER_SHOW: confirmed seats one user may hold for one show. */
  maxHeld: number;
}

export interface InsertOutcome {
  /** The user's confirmed seats for the show before this booking. */
  held: number;
  booking?: { id: number; createdAt: Date };
}

export interface CancelledBooking {
  showId: number;
  seats: number;
}

/** Writes to `bookings`; every method runs in the caller's transaction. */
@Injectable()
export class BookingsRepository {
  /**
   * Inserts a confirmed booking unless it would take the user past `maxHeld` seats for the show.
   * Must run after the show's seats were reserved in the same transaction: the reservation holds
   * the show's row lock, and this statement starts a fresh snapshot after it, so `held` counts
   * every booking of this user for this show that committed before ours — concurrent requests of
   * the same user cannot both pass the cap.
   */
  async insertWithinUserCap(manager: EntityManager, b: NewBooking): Promise<InsertOutcome> {
    const rows: { held: number; id: number | null; created_at: Date | null }[] =
      await manager.query(
        `WITH held AS (
           SELECT coalesce(sum(seats), 0)::int AS seats FROM bookings
            WHERE user_id = $1 AND show_id = $2 AND status = 'confirmed'
         ), inserted AS (
           INSERT INTO bookings (user_id, show_id, seats, unit_price)
           SELECT $1, $2, $3, $4 FROM held WHERE held.seats + $3 <= $5
           RETURNING id, created_at
         )
         SELECT held.seats AS held, inserted.id, inserted.created_at
           FROM held LEFT JOIN inserted ON true`,
        [b.userId, b.showId, b.seats, b.unitPrice, b.maxHeld],
      );
    const row = rows[0];
    return {
      held: row.held,
      booking:
        row.id !== null && row.created_at ? { id: row.id, createdAt: row.created_at } : undefined,
    };
  }

  /**
   * Cancels a confirmed booking of a show that has not started. The status condition makes it
   * exactly-once: a concurrent second cancel waits for the row lock, then matches nothing.
   * `ownerId` restricts it to that user's booking (null: an admin, any booking).
   */
  async cancelConfirmed(
    manager: EntityManager,
    bookingId: number,
    ownerId: number | null,
  ): Promise<CancelledBooking | undefined> {
    const rows: { show_id: number; seats: number }[] = await manager.query(
      `WITH cancelled AS (
         UPDATE bookings b SET status = 'cancelled', cancelled_at = now()
           FROM shows s
          WHERE b.id = $1 AND b.status = 'confirmed' AND s.id = b.show_id
            AND s.starts_at > now() AND ($2::int IS NULL OR b.user_id = $2)
         RETURNING b.show_id, b.seats
       )
       SELECT show_id, seats FROM cancelled`,
      [bookingId, ownerId],
    );
    const row = rows[0];
    return row ? { showId: row.show_id, seats: row.seats } : undefined;
  }

  /** Why a cancel matched nothing: unknown/not visible (undefined), cancelled, or started. */
  async findCancelState(
    manager: EntityManager,
    bookingId: number,
    ownerId: number | null,
  ): Promise<{ status: BookingStatus; started: boolean } | undefined> {
    const rows: { status: BookingStatus; started: boolean }[] = await manager.query(
      `SELECT b.status, s.starts_at <= now() AS started
         FROM bookings b JOIN shows s ON s.id = b.show_id
        WHERE b.id = $1 AND ($2::int IS NULL OR b.user_id = $2)`,
      [bookingId, ownerId],
    );
    return rows[0];
  }
}
