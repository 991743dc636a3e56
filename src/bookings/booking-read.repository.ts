import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  BOOKING_COLUMNS,
  BOOKING_FROM,
  BookingRecord,
  BookingRow,
  toBookingRecord,
} from './booking.record';
import type { BookingStatus } from './entities/booking.entity';

/** What a listing may be narrowed by; `ownerId` is the authorization restriction. */
export interface BookingFilter {
  ownerId?: number;
  /** Case-insensitive. */
  username?: string;
  showId?: number;
  /** YYYY-MM-DD: the show's date in its venue's time zone. */
  date?: string;
  status?: BookingStatus;
}

export interface PageWindow {
  limit: number;
  offset: number;
}

function whereOf(f: BookingFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const conditions: string[] = [];
  const add = (condition: (p: string) => string, value: unknown): void => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (f.ownerId !== undefined) add((p) => `b.user_id = ${p}`, f.ownerId);
  if (f.username !== undefined) add((p) => `lower(u.username) = lower(${p})`, f.username);
  if (f.showId !== undefined) add((p) => `b.show_id = ${p}`, f.showId);
  if (f.date !== undefined)
    add((p) => `(s.starts_at AT TIME ZONE v.timezone)::date = ${p}::date`, f.date);
  if (f.status !== undefined) add((p) => `b.status = ${p}`, f.status);
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

const fromOf = (f: BookingFilter): string =>
  f.username === undefined ? BOOKING_FROM : `${BOOKING_FROM} JOIN users u ON u.id = b.user_id`;

/** Booking reads: always one joined query for the page plus one count, never one per row. */
@Injectable()
export class BookingReadRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findPage(filter: BookingFilter, page: PageWindow): Promise<[BookingRecord[], number]> {
    const total = await this.count(filter);
    return [total > page.offset ? await this.findItems(filter, page) : [], total];
  }

  async count(filter: BookingFilter): Promise<number> {
    const { sql, params } = whereOf(filter);
    const rows: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM ${fromOf(filter)} ${sql}`,
      params,
    );
    return rows[0]?.total ?? 0;
  }

  /** Newest first. */
  async findItems(filter: BookingFilter, page: PageWindow): Promise<BookingRecord[]> {
    const { sql, params } = whereOf(filter);
    const rows: BookingRow[] = await this.dataSource.query(
      `SELECT ${BOOKING_COLUMNS} FROM ${fromOf(filter)} ${sql}
        ORDER BY b.created_at DESC, b.id DESC
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    );
    return rows.map(toBookingRecord);
  }

  /**
   * The user named `username` (case-insensitive) and their booking count, or undefined when
   * there is no such user — or, with `ownerId`, when that user is not the owner.
   */
  async findUserBookingTotal(
    username: string,
    ownerId: number | null,
  ): Promise<{ userId: number; total: number } | undefined> {
    const rows: { user_id: number; total: number }[] = await this.dataSource.query(
      `SELECT u.id AS user_id, count(b.id)::int AS total
         FROM users u LEFT JOIN bookings b ON b.user_id = u.id
        WHERE lower(u.username) = lower($1) AND ($2::int IS NULL OR u.id = $2)
        GROUP BY u.id`,
      [username, ownerId],
    );
    const row = rows[0];
    return row ? { userId: row.user_id, total: row.total } : undefined;
  }

  /** One booking; with `ownerId`, only if that user holds it. */
  async findOne(
    id: number,
    ownerId: number | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<BookingRecord | undefined> {
    const rows: BookingRow[] = await manager.query(
      `SELECT ${BOOKING_COLUMNS} FROM ${BOOKING_FROM}
        WHERE b.id = $1 AND ($2::int IS NULL OR b.user_id = $2)`,
      [id, ownerId],
    );
    return rows[0] ? toBookingRecord(rows[0]) : undefined;
  }
}
