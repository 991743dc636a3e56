import type { FormatterOptionsArgs } from 'fast-csv';
import type { ShowExportRow } from './export-data.repository';
import { formatInZone } from '../common/zoned-time';

export const CSV_HEADERS = [
  'Show ID',
  'Show name',
  'Language',
  'Genre',
  'Starts at',
  'Price',
  'Capacity',
  'Seats booked',
  'Seats available',
  'Bookings',
  'Revenue',
] as const;

export type CsvCell = string | number;

/** fast-csv options: RFC 4180 (CRLF records, quotes doubled, quoted only when needed). */
export const CSV_FORMAT: FormatterOptionsArgs<CsvCell[], CsvCell[]> = {
  headers: [...CSV_HEADERS],
  rowDelimiter: '\r\n',
  includeEndRowDelimiter: true,
};

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Spreadsheets run a cell that starts with `=`, `+`, `-`, `@`, tab or CR as a formula (OWASP
 * "CSV injection"); a leading `'` makes it text. Only text cells go through this: numbers are
 * written as numbers (and none of ours is negative).
 */
export function neutralize(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function showCells(row: ShowExportRow, timeZone: string): CsvCell[] {
  return [
    row.id,
    neutralize(row.name),
    neutralize(row.language),
    neutralize(row.genre),
    formatInZone(row.startsAt, timeZone),
    row.price,
    row.capacity,
    row.seatsBooked,
    Math.max(0, row.capacity - row.seatsBooked),
    row.bookings,
    row.revenue,
  ];
}

/** The seed's summary figures for the current month, summed while the rows stream past. */
export class MonthTotals {
  private shows = 0;
  private bookings = 0;
  private revenue = 0;

  constructor(private readonly month: string) {}

  add(row: ShowExportRow): void {
    if (!row.thisMonth) return;
    this.shows += 1;
    this.bookings += row.bookings;
    this.revenue += row.revenue;
  }

  /**
   * The last record: `TOTAL <YYYY-MM>` under Show ID, `<n> shows this month` under Show name,
   * and this month's bookings and revenue under their own columns.
   */
  cells(): CsvCell[] {
    const cells: CsvCell[] = new Array<CsvCell>(CSV_HEADERS.length).fill('');
    cells[0] = `TOTAL ${this.month}`;
    cells[1] = `${this.shows} shows this month`;
    cells[9] = this.bookings;
    cells[10] = this.revenue;
    return cells;
  }
}
