/** Calendar periods in a time zone (the schedule's), independent of the process's TZ. */
import { dateInZone, monthInZone } from '../common/zoned-time';

/** `YYYY-MM-DD` of `at` in `timeZone`. */
export function localDate(timeZone: string, at = new Date()): string {
  return dateInZone(at, timeZone);
}

/** `YYYY-MM` of `at` in `timeZone`. */
export function localMonth(timeZone: string, at = new Date()): string {
  return monthInZone(at, timeZone);
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
