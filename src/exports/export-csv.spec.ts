import { MonthTotals, neutralize, showCells } from './export-csv';
import type { ShowExportRow } from './export-data.repository';
import { toZonedIso, zonedDay, zonedMonth } from './zoned-time';

const row = (over: Partial<ShowExportRow> = {}): ShowExportRow => ({
  id: 7,
  name: 'Hamlet',
  language: 'English',
  genre: 'Drama',
  startsAt: new Date('2026-12-03T14:00:00Z'),
  price: 300,
  capacity: 100,
  seatsBooked: 12,
  bookings: 4,
  revenue: 3_000,
  thisMonth: true,
  ...over,
});

describe('neutralize', () => {
  it.each(['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])(
    'prefixes %j with a quote',
    (text) => expect(neutralize(text)).toBe(`'${text}`),
  );

  it('leaves ordinary text alone', () => {
    expect(neutralize('Hamlet, Act 1')).toBe('Hamlet, Act 1');
    expect(neutralize('')).toBe('');
  });
});

describe('showCells', () => {
  it('writes the start in the venue zone with its offset and neutralises text cells', () => {
    const cells = showCells(row({ name: '=1+1', genre: '-x' }), 'Asia/Kolkata');
    expect(cells).toEqual([
      7,
      "'=1+1",
      'English',
      "'-x",
      '2026-12-03T19:30:00+05:30',
      300,
      100,
      12,
      88,
      4,
      3_000,
    ]);
  });
});

describe('MonthTotals', () => {
  it('sums only the shows of the current month', () => {
    const totals = new MonthTotals('2026-12');
    totals.add(row());
    totals.add(row({ bookings: 2, revenue: 500 }));
    totals.add(row({ thisMonth: false, bookings: 9, revenue: 9_999 }));
    const cells = totals.cells();
    expect(cells[0]).toBe('TOTAL 2026-12');
    expect(cells[1]).toBe('2 shows this month');
    expect(cells[9]).toBe(6);
    expect(cells[10]).toBe(3_500);
    expect(cells).toHaveLength(11);
  });
});

describe('zoned time', () => {
  it('handles negative and fractional offsets and DST', () => {
    expect(toZonedIso(new Date('2026-07-01T12:00:00Z'), 'America/New_York')).toBe(
      '2026-07-01T08:00:00-04:00',
    );
    expect(toZonedIso(new Date('2026-01-01T12:00:00Z'), 'America/New_York')).toBe(
      '2026-01-01T07:00:00-05:00',
    );
    expect(toZonedIso(new Date('2026-01-01T00:00:00Z'), 'Asia/Kathmandu')).toBe(
      '2026-01-01T05:45:00+05:45',
    );
    expect(toZonedIso(new Date('2026-01-01T00:00:00Z'), 'UTC')).toBe('2026-01-01T00:00:00+00:00');
  });

  it('switches offset exactly at DST transitions', () => {
    const ny = (iso: string) => toZonedIso(new Date(iso), 'America/New_York');
    expect(ny('2026-03-08T06:59:59Z')).toBe('2026-03-08T01:59:59-05:00');
    expect(ny('2026-03-08T07:00:00Z')).toBe('2026-03-08T03:00:00-04:00');
    expect(ny('2026-11-01T05:59:59Z')).toBe('2026-11-01T01:59:59-04:00');
    expect(ny('2026-11-01T06:00:00Z')).toBe('2026-11-01T01:00:00-05:00');
    // Lord Howe Island moves by half an hour.
    const lh = (iso: string) => toZonedIso(new Date(iso), 'Australia/Lord_Howe');
    expect(lh('2026-04-04T14:59:59Z')).toBe('2026-04-05T01:59:59+11:00');
    expect(lh('2026-04-04T15:00:00Z')).toBe('2026-04-05T01:30:00+10:30');
  });

  it('gives the month and day as the zone sees them', () => {
    const instant = new Date('2026-11-30T20:00:00Z'); // already 1 December in Kolkata
    expect(zonedMonth(instant, 'Asia/Kolkata')).toBe('2026-12');
    expect(zonedDay(instant, 'Asia/Kolkata')).toBe('2026-12-01');
    expect(zonedMonth(instant, 'UTC')).toBe('2026-11');
  });
});
