/**
 * Venue-local time without a date library: Intl knows every IANA zone and its DST rules.
 * Nothing here depends on the process's TZ.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's UTC offset in minutes at `ms`, straight from Intl (slow: ~25 µs). */
function intlOffset(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The zone's offset from UTC in minutes at that instant (330 for Asia/Kolkata). Offsets only
 * change on quarter-hour boundaries (every real zone since 1900), so one Intl call per zone and
 * quarter hour serves every instant in it: exports and listings format thousands of times.
 */
export function offsetMinutes(ms: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(ms / QUARTER_HOUR_MS)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 50_000) offsets.clear();
    offset = intlOffset(Math.floor(ms / QUARTER_HOUR_MS) * QUARTER_HOUR_MS, timeZone);
    offsets.set(key, offset);
  }
  return offset;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The zone's wall clock at that instant, as a Date whose UTC fields hold it. */
function wallClock(date: Date, timeZone: string): { wall: Date; offset: number } {
  const offset = offsetMinutes(date.getTime(), timeZone);
  return { wall: new Date(date.getTime() + offset * 60_000), offset };
}

const ymd = (w: Date): string =>
  `${pad(w.getUTCFullYear(), 4)}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`;

/** ISO 8601 in the zone with its offset: `2026-12-03T19:30:00+05:30`. */
export function formatInZone(date: Date, timeZone: string): string {
  const { wall: w, offset } = wallClock(date, timeZone);
  const abs = Math.abs(offset);
  const sign = offset < 0 ? '-' : '+';
  const time = `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}`;
  return `${ymd(w)}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The calendar date (`2026-12-03`) of an instant in the zone. */
export function dateInZone(date: Date, timeZone: string): string {
  return ymd(wallClock(date, timeZone).wall);
}

/** The month (`2026-12`) an instant falls in, in the zone. */
export function monthInZone(date: Date, timeZone: string): string {
  return dateInZone(date, timeZone).slice(0, 7);
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
