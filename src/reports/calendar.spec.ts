import { formatShowTime, localDate, localMonth, monthTitle, previousMonth } from './calendar';

describe('calendar', () => {
  // 2026-11-30 20:00 UTC is already 1 December in Kolkata (UTC+5:30), still 30 November in New York.
  const at = new Date('2026-11-30T20:00:00Z');

  it('reads the date and month in the given zone, not the process zone', () => {
    expect(localDate('Asia/Kolkata', at)).toBe('2026-12-01');
    expect(localDate('America/New_York', at)).toBe('2026-11-30');
    expect(localMonth('Asia/Kolkata', at)).toBe('2026-12');
  });

  it('steps back a month across a year', () => {
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(previousMonth('2026-03')).toBe('2026-02');
  });

  it('names months and show times for people', () => {
    expect(monthTitle('2026-11')).toBe('November 2026');
    expect(formatShowTime(at, 'Asia/Kolkata')).toContain('01:30');
  });
});
