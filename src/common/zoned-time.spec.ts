import {
  anyZoneDayBounds,
  dateInZone,
  formatInZone,
  monthInZone,
  offsetMinutes,
  parseZonedDateTime,
} from './zoned-time';

describe('zoned time', () => {
  it('formats an instant in the venue zone with its offset', () => {
    const d = new Date('2026-12-03T14:00:00Z');
    expect(formatInZone(d, 'Asia/Kolkata')).toBe('2026-12-03T19:30:00+05:30');
    expect(formatInZone(d, 'America/New_York')).toBe('2026-12-03T09:00:00-05:00');
    expect(formatInZone(d, 'UTC')).toBe('2026-12-03T14:00:00+00:00');
    expect(formatInZone(new Date('2026-07-01T12:00:00Z'), 'America/New_York')).toBe(
      '2026-07-01T08:00:00-04:00',
    );
  });

  it('knows the calendar date per zone across midnight', () => {
    const d = new Date('2026-12-03T20:00:00Z');
    expect(dateInZone(d, 'Asia/Kolkata')).toBe('2026-12-04');
    expect(dateInZone(d, 'America/New_York')).toBe('2026-12-03');
  });

  it('parses wall-clock times in the venue zone and keeps explicit offsets', () => {
    expect(parseZonedDateTime('2026-12-03T19:30', 'Asia/Kolkata').toISOString()).toBe(
      '2026-12-03T14:00:00.000Z',
    );
    expect(parseZonedDateTime('2026-03-08T12:00:00', 'America/New_York').toISOString()).toBe(
      '2026-03-08T16:00:00.000Z',
    );
    expect(parseZonedDateTime('2026-12-03T19:30:00Z', 'Asia/Kolkata').toISOString()).toBe(
      '2026-12-03T19:30:00.000Z',
    );
    expect(Number.isNaN(parseZonedDateTime('nope', 'UTC').getTime())).toBe(true);
  });

  it('computes offsets and a day window wide enough for every zone', () => {
    expect(offsetMinutes(Date.parse('2026-12-03T00:00:00Z'), 'Asia/Kolkata')).toBe(330);
    const { from, to } = anyZoneDayBounds('2026-12-03');
    expect(from.toISOString()).toBe('2026-12-02T10:00:00.000Z');
    expect(to.toISOString()).toBe('2026-12-04T12:00:00.000Z');
  });
});

describe('zoned time at the edges', () => {
  it('handles negative and fractional offsets and DST', () => {
    expect(formatInZone(new Date('2026-07-01T12:00:00Z'), 'America/New_York')).toBe(
      '2026-07-01T08:00:00-04:00',
    );
    expect(formatInZone(new Date('2026-01-01T12:00:00Z'), 'America/New_York')).toBe(
      '2026-01-01T07:00:00-05:00',
    );
    expect(formatInZone(new Date('2026-01-01T00:00:00Z'), 'Asia/Kathmandu')).toBe(
      '2026-01-01T05:45:00+05:45',
    );
    expect(formatInZone(new Date('2026-01-01T00:00:00Z'), 'UTC')).toBe('2026-01-01T00:00:00+00:00');
  });

  it('switches offset exactly at DST transitions', () => {
    const ny = (iso: string) => formatInZone(new Date(iso), 'America/New_York');
    expect(ny('2026-03-08T06:59:59Z')).toBe('2026-03-08T01:59:59-05:00');
    expect(ny('2026-03-08T07:00:00Z')).toBe('2026-03-08T03:00:00-04:00');
    expect(ny('2026-11-01T05:59:59Z')).toBe('2026-11-01T01:59:59-04:00');
    expect(ny('2026-11-01T06:00:00Z')).toBe('2026-11-01T01:00:00-05:00');
    // Lord Howe Island moves by half an hour.
    const lh = (iso: string) => formatInZone(new Date(iso), 'Australia/Lord_Howe');
    expect(lh('2026-04-04T14:59:59Z')).toBe('2026-04-05T01:59:59+11:00');
    expect(lh('2026-04-04T15:00:00Z')).toBe('2026-04-05T01:30:00+10:30');
  });

  it('gives the month and day as the zone sees them', () => {
    const instant = new Date('2026-11-30T20:00:00Z'); // already 1 December in Kolkata
    expect(monthInZone(instant, 'Asia/Kolkata')).toBe('2026-12');
    expect(dateInZone(instant, 'Asia/Kolkata')).toBe('2026-12-01');
    expect(monthInZone(instant, 'UTC')).toBe('2026-11');
  });
});
