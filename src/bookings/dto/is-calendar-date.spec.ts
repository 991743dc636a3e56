import { isCalendarDate } from './is-calendar-date';

describe('isCalendarDate', () => {
  it.each(['2026-12-03', '2028-02-29', '1999-01-01'])('accepts %s', (d) =>
    expect(isCalendarDate(d)).toBe(true),
  );

  it.each(['2026-02-30', '2027-02-29', '2026-13-01', '0000-01-01', '2026-1-1', '03-12-2026', 7])(
    'refuses %p',
    (d) => expect(isCalendarDate(d)).toBe(false),
  );
});
