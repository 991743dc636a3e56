/** Calendar periods in a time zone (the schedule's), independent of the process's TZ. */

function parts(timeZone: string, at: Date): { year: string; month: string; day: string } {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const get = (type: string): string =>
    fmt.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** `YYYY-MM-DD` of `at` in `timeZone`. */
export function localDate(timeZone: string, at = new Date()): string {
  const { year, month, day } = parts(timeZone, at);
  return `${year}-${month}-${day}`;
}

/** `YYYY-MM` of `at` in `timeZone`. */
export function localMonth(timeZone: string, at = new Date()): string {
  return localDate(timeZone, at).slice(0, 7);
}

/** `YYYY-MM` → the month before it. */
export function previousMonth(month: string): string {
  const [year, mon] = month.split('-').map(Number);
  const d = new Date(Date.UTC(year, mon - 2, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** "November 2026". */
export function monthTitle(month: string): string {
  const [year, mon] = month.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, mon - 1, 1)));
}

/** "Sat 5 Dec 2026, 19:30 IST" in the venue's zone. */
export function formatShowTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(at);
}

/** The same, on two lines for table cells: "Sat 5 Dec 2026" / "19:30 GMT+5:30". */
export function formatShowTimeCell(at: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(at);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(at);
  return `${day.replace(',', '')}\n${time}`;
}
