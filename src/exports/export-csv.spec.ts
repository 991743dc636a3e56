import { MonthTotals, neutralize, showCells } from './export-csv';
import type { ShowExportRow } from './export-data.repository';

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
