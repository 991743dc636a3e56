import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReportBooking, ReportUpcomingShow } from './reports.types';

/** `[start, end)` of a `YYYY-MM` month in a zone, as timestamptz, computed by PostgreSQL. */
const MONTH_START = `((($2::text || '-01')::date)::timestamp AT TIME ZONE $3)`;
const MONTH_END = `((($2::text || '-01')::date + interval '1 month')::timestamp AT TIME ZONE $3)`;

/** Read-only report queries: one joined query per section, never one per booking. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The user's confirmed bookings for shows that start within `month` (in `timeZone`). */
  async findBookingsForShowsInMonth(
    userId: number,
    month: string,
    timeZone: string,
  ): Promise<ReportBooking[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT b.id AS "bookingId", s.name AS "showName", s.genre, v.name AS "venueName",
              v.location,
              s.starts_at AS "startsAt", v.timezone, b.seats, b.seats * b.unit_price AS amount
         FROM bookings b
         JOIN shows s ON s.id = b.show_id
         JOIN venues v ON v.id = s.venue_id
        WHERE b.user_id = $1 AND b.status = 'confirmed'
          AND s.starts_at >= ${MONTH_START} AND s.starts_at < ${MONTH_END}
        ORDER BY s.starts_at, b.id`,
      [userId, month, timeZone],
    );
    return rows.map((r) => ({ ...r, amount: Number(r.amount) }) as unknown as ReportBooking);
  }

  /** Genres of the user's confirmed bookings, most seats first. */
  async findFavouriteGenres(userId: number): Promise<string[]> {
    const rows: Array<{ genre: string }> = await this.dataSource.query(
      `SELECT s.genre FROM bookings b JOIN shows s ON s.id = b.show_id
        WHERE b.user_id = $1 AND b.status = 'confirmed'
        GROUP BY s.genre ORDER BY sum(b.seats) DESC, s.genre`,
      [userId],
    );
    return rows.map((r) => r.genre);
  }

  /**
   * Shows starting in (from, from + days], the user's booked genres first (most seats first),
   * then by start time.
   */
  async findUpcomingForUser(
    userId: number,
    from: Date,
    days: number,
    limit: number,
  ): Promise<ReportUpcomingShow[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH liked AS (
         SELECT s.genre, sum(b.seats) AS seats FROM bookings b JOIN shows s ON s.id = b.show_id
          WHERE b.user_id = $1 AND b.status = 'confirmed' GROUP BY s.genre)
       SELECT s.id AS "showId", s.name, s.genre, v.name AS "venueName",
              v.location,
              s.starts_at AS "startsAt", v.timezone, s.price,
              s.capacity - s.seats_booked AS "seatsAvailable",
              liked.seats IS NOT NULL AS "favouriteGenre"
         FROM shows s
         JOIN venues v ON v.id = s.venue_id
         LEFT JOIN liked ON liked.genre = s.genre
        WHERE s.starts_at > $2 AND s.starts_at <= $2::timestamptz + make_interval(days => $3)
        ORDER BY liked.seats DESC NULLS LAST, s.starts_at, s.id
        LIMIT $4`,
      [userId, from, days, limit],
    );
    return rows as unknown as ReportUpcomingShow[];
  }
}
