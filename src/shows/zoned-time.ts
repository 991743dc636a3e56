/**
 * Venue-local time without a date library: Intl knows every IANA zone and its DST rules.
 * Nothing here depends on the process's TZ.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(epochMs: number, timeZone: string): WallClock {
  const out: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out as unknown as WallClock;
}

const asUtcMs = (w: WallClock): number =>
  Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** The zone's offset from UTC in minutes at that instant (e.g. 330 for Asia/Kolkata). */
export function offsetMinutes(epochMs: number, timeZone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  return Math.round((asUtcMs(wallClock(whole, timeZone)) - whole) / 60_000);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** ISO 8601 in the zone with its offset: `2026-12-03T19:30:00+05:30`. */
export function formatInZone(date: Date, timeZone: string): string {
  const ms = date.getTime();
  const w = wallClock(ms, timeZone);
  const offset = offsetMinutes(ms, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:` +
    `${pad(w.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The calendar date (`YYYY-MM-DD`) of an instant in the zone. */
export function dateInZone(date: Date, timeZone: string): string {
  return formatInZone(date, timeZone).slice(0, 10);
}

const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An ISO 8601 date-time as an instant. With an offset (`Z`, `+05:30`) it is taken as is; without
 * one it is a wall-clock time in `timeZone` (the venue's). In a DST gap the later offset wins.
 */
export function parseZonedDateTime(value: string, timeZone: string): Date {
  if (HAS_OFFSET.test(value)) return new Date(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(value);
  if (!m) return new Date(NaN);
  const [y, mo, d, h, mi, s = '0', frac = '0'] = m.slice(1);
  const guess = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Number(frac.padEnd(3, '0')));
  const first = guess - offsetMinutes(guess, timeZone) * 60_000;
  const second = guess - offsetMinutes(first, timeZone) * 60_000;
  return new Date(second);
}

/** Widest UTC window that can contain calendar day `date` in any zone (UTC−12 … UTC+14). */
export function anyZoneDayBounds(date: string): { from: Date; to: Date } {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  return {
    from: new Date(midnightUtc - 14 * 3_600_000),
    to: new Date(midnightUtc + 36 * 3_600_000),
  };
}
