import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The show (with its venue) as it was when seats were reserved on it. */
export interface ReservedShow {
  id: number;
  name: string;
  /** The price at the moment of the reservation: the booking's unit price. */
  price: number;
  startsAt: Date;
  endsAt: Date;
  venue: { id: number; name: string; location: string; timezone: string };
}

/** Why seats could not be reserved, read fresh after the conditional update matched nothing. */
export interface SeatState {
  seatsAvailable: number;
  started: boolean;
}

interface ReservedRow {
  id: number;
  name: string;
  price: number;
  starts_at: Date;
  ends_at: Date;
  venue_id: number;
  venue_name: string;
  venue_location: string;
  venue_timezone: string;
}

/**
 * The seat counter (`shows.seats_booked`). Every change to it is one conditional UPDATE, so the
 * database decides, row lock included; the CHECK (0 <= seats_booked <= capacity) is the backstop.
 * Methods take the caller's EntityManager: they always run inside the caller's transaction.
 */
@Injectable()
export class ShowSeatsRepository {
  /**
   * Adds `seats` to the counter only if the show has not started and they fit. Takes the show's
   * row lock until the transaction ends, which serialises every booking of this show.
   */
  async reserve(
    manager: EntityManager,
    showId: number,
    seats: number,
  ): Promise<ReservedShow | undefined> {
    const rows: ReservedRow[] = await manager.query(
      `WITH reserved AS (
         UPDATE shows s SET seats_booked = s.seats_booked + $2
          WHERE s.id = $1 AND s.starts_at > now() AND s.seats_booked + $2 <= s.capacity
         RETURNING s.id, s.venue_id, s.name, s.price, s.starts_at, s.ends_at
       )
       SELECT r.id, r.name, r.price, r.starts_at, r.ends_at, v.id AS venue_id,
              v.name AS venue_name, v.location AS venue_location, v.timezone AS venue_timezone
         FROM reserved r JOIN venues v ON v.id = r.venue_id`,
      [showId, seats],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      id: row.id,
      name: row.name,
      price: row.price,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      venue: {
        id: row.venue_id,
        name: row.venue_name,
        location: row.venue_location,
        timezone: row.venue_timezone,
      },
    };
  }

  /** A separate statement, so it reads the latest committed counter, not the failed update's. */
  async findSeatState(manager: EntityManager, showId: number): Promise<SeatState | undefined> {
    const rows: { available: number; started: boolean }[] = await manager.query(
      `SELECT capacity - seats_booked AS available, starts_at <= now() AS started
         FROM shows WHERE id = $1`,
      [showId],
    );
    const row = rows[0];
    return row ? { seatsAvailable: row.available, started: row.started } : undefined;
  }

  /** Gives `seats` back; false when the counter does not hold them (never expected). */
  async release(manager: EntityManager, showId: number, seats: number): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `WITH released AS (
         UPDATE shows SET seats_booked = seats_booked - $2
          WHERE id = $1 AND seats_booked >= $2
         RETURNING id
       )
       SELECT id FROM released`,
      [showId, seats],
    );
    return rows.length === 1;
  }
}
