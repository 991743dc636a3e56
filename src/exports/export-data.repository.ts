import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';

/** One show of the venue with its booking aggregates, as the export query returns it. */
export interface ShowExportRow {
  id: number;
  name: string;
  language: string;
  genre: string;
  startsAt: Date;
  price: number;
  capacity: number;
  seatsBooked: number;
  bookings: number;
  revenue: number;
  /** Starts in the current month of the venue's zone (the totals row sums these). */
  thisMonth: boolean;
}

interface RawShowExportRow {
  id: number;
  name: string;
  language: string;
  genre: string;
  starts_at: Date;
  price: number;
  capacity: number;
  seats_booked: number;
  bookings: string;
  revenue: string;
  this_month: boolean;
}

/** A server-side cursor over the rows; `close` must run whether or not it was read to the end. */
export interface ShowRowCursor {
  rows: AsyncIterable<ShowExportRow>;
  close(): Promise<void>;
}

/**
 * One aggregate over shows and their confirmed bookings, grouped by show (no N+1). Revenue is
 * what each booking paid (`unit_price` snapshot × seats), never today's price.
 */
const SHOW_ROWS_SQL = `
  SELECT s.id, s.name, s.language, s.genre, s.starts_at, s.price, s.capacity, s.seats_booked,
         count(b.id) AS bookings,
         coalesce(sum(b.unit_price::bigint * b.seats), 0) AS revenue,
         date_trunc('month', s.starts_at AT TIME ZONE $2)
           = date_trunc('month', now() AT TIME ZONE $2) AS this_month
    FROM shows s
    LEFT JOIN bookings b ON b.show_id = s.id AND b.status = 'confirmed'
   WHERE s.venue_id = $1
   GROUP BY s.id
   ORDER BY s.starts_at, s.id`;

const CURSOR_BATCH = 1_000;

function toRow(raw: RawShowExportRow): ShowExportRow {
  return {
    id: raw.id,
    name: raw.name,
    language: raw.language,
    genre: raw.genre,
    startsAt: raw.starts_at,
    price: raw.price,
    capacity: raw.capacity,
    seatsBooked: raw.seats_booked,
    bookings: Number(raw.bookings),
    revenue: Number(raw.revenue),
    thisMonth: raw.this_month,
  };
}

async function* mapRows(source: AsyncIterable<unknown>): AsyncIterable<ShowExportRow> {
  for await (const raw of source) yield toRow(raw as RawShowExportRow);
}

/** Read side of an export: the venue's show rows, streamed through pg-query-stream. */
@Injectable()
export class ExportDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async countShows(venueId: number): Promise<number> {
    const rows: { n: string }[] = await this.dataSource.query(
      'SELECT count(*) AS n FROM shows WHERE venue_id = $1',
      [venueId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Rows arrive in batches from a cursor, so memory stays flat however many shows there are. */
  async openShowRows(venueId: number, timezone: string): Promise<ShowRowCursor> {
    const runner = this.dataSource.createQueryRunner();
    try {
      // TypeORM's runner.stream() fixes pg-query-stream's batch at 100 rows; 1,000 per round trip
      // is still small in memory and several times faster on large venues.
      const client = (await runner.connect()) as PoolClient;
      const stream = client.query(
        new QueryStream(SHOW_ROWS_SQL, [venueId, timezone], { batchSize: CURSOR_BATCH }),
      );
      return {
        rows: mapRows(stream),
        close: async () => {
          stream.destroy();
          await runner.release();
        },
      };
    } catch (err) {
      await runner.release();
      throw err;
    }
  }
}
