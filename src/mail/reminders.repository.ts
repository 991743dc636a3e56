import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface UpcomingShow {
  id: number;
  name: string;
  genre: string;
  language: string;
  price: number;
  startsAt: Date;
  venueName: string;
  location: string;
  timezone: string;
}

/** Read queries the daily reminder needs (bookings by month, what is on soon). */
@Injectable()
export class RemindersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Which of `userIds` hold a confirmed booking for a show starting in `month` (in `timeZone`). */
  async findUsersWithBookingInMonth(
    userIds: number[],
    month: string,
    timeZone: string,
  ): Promise<Set<number>> {
    if (userIds.length === 0) return new Set();
    const rows: Array<{ user_id: number }> = await this.dataSource.query(
      `SELECT DISTINCT b.user_id FROM bookings b JOIN shows s ON s.id = b.show_id
        WHERE b.user_id = ANY($1::int[]) AND b.status = 'confirmed'
          AND s.starts_at >= ((($2::text || '-01')::date)::timestamp AT TIME ZONE $3)
          AND s.starts_at < ((($2::text || '-01')::date + interval '1 month')::timestamp AT TIME ZONE $3)`,
      [userIds, month, timeZone],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  /** The next shows with seats left, soonest first. */
  findUpcomingShows(limit: number): Promise<UpcomingShow[]> {
    return this.dataSource.query(
      `SELECT s.id, s.name, s.genre, s.language, s.price, s.starts_at AS "startsAt",
              v.name AS "venueName", v.location, v.timezone
         FROM shows s JOIN venues v ON v.id = s.venue_id
        WHERE s.starts_at > now() AND s.seats_booked < s.capacity
        ORDER BY s.starts_at, s.id
        LIMIT $1`,
      [limit],
    );
  }
}
