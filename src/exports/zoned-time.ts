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
 * Offsets only change on quarter-hour boundaries (every real zone since 1900), so one Intl call
 * per zone and quarter hour serves every instant in it: exports format thousands of start times.
 */
function offsetMinutes(ms: number, timeZone: string): number {
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  const key = `${timeZone}|${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 50_000) offsets.clear();
    offset = intlOffset(bucket * QUARTER_HOUR_MS, timeZone);
    offsets.set(key, offset);
  }
  return offset;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The wall clock of the zone at that instant, as a Date whose UTC fields hold it. */
function wallClock(date: Date, timeZone: string): { wall: Date; offset: number } {
  const offset = offsetMinutes(date.getTime(), timeZone);
  return { wall: new Date(date.getTime() + offset * 60_000), offset };
}

const ymd = (w: Date): string =>
  `${pad(w.getUTCFullYear(), 4)}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`;

/** `2026-12-03T19:30:00+05:30`: the instant as the venue's clock showed it, with the offset. */
export function toZonedIso(date: Date, timeZone: string): string {
  const { wall: w, offset } = wallClock(date, timeZone);
  const abs = Math.abs(offset);
  const sign = offset < 0 ? '-' : '+';
  const time = `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}`;
  return `${ymd(w)}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `2026-12`: the month the instant falls in, in that zone. */
export function zonedMonth(date: Date, timeZone: string): string {
  return ymd(wallClock(date, timeZone).wall).slice(0, 7);
}

/** `2026-12-03`: the calendar day of the instant in that zone. */
export function zonedDay(date: Date, timeZone: string): string {
  return ymd(wallClock(date, timeZone).wall);
}
