import { execFileSync } from 'node:child_process';
import type { MonthlyReport } from '../reports.types';
import { renderMonthlyReportPdf } from './monthly-report.pdf';

const at = (day: number, hour: number): Date => new Date(Date.UTC(2026, 10, day, hour, 30));

function report(bookings: number, upcoming: number): MonthlyReport {
  return {
    userId: 1,
    name: 'Asha Kapoor',
    month: '2026-11',
    generatedAt: new Date(Date.UTC(2026, 11, 1, 3, 30)),
    bookings: Array.from({ length: bookings }, (_, i) => ({
      bookingId: i + 1,
      showName:
        i === 0 ? 'A Very Long Show Name That Needs To Wrap Onto Two Lines' : `Show ${i + 1}`,
      genre: i % 2 ? 'Comedy' : 'Drama',
      venueName: 'Prithvi Theatre',
      location: 'Juhu, Mumbai',
      startsAt: at((i % 28) + 1, 13),
      timezone: 'Asia/Kolkata',
      seats: 2,
      amount: 1000,
    })),
    totals: { bookings, seats: 2 * bookings, amount: 1000 * bookings },
    favouriteGenres: ['Drama', 'Comedy'],
    upcoming: Array.from({ length: upcoming }, (_, i) => ({
      showId: i + 1,
      name: `Upcoming ${i + 1}`,
      genre: 'Drama',
      venueName: 'NCPA',
      location: 'Nariman Point, Mumbai',
      startsAt: at((i % 28) + 1, 14),
      timezone: 'America/New_York',
      price: 500,
      seatsAvailable: 40,
      favouriteGenre: true,
    })),
    upcomingDays: 30,
  };
}

function pages(pdf: Buffer): string[] {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' }).split(
    '\f',
  );
}

describe('renderMonthlyReportPdf', () => {
  it('breaks long tables across pages, repeating the header row, with a footer on each page', async () => {
    const text = pages(await renderMonthlyReportPdf(report(70, 100))).filter((p) => p.trim());
    expect(text.length).toBeGreaterThanOrEqual(3);
    expect(text[0]).toContain('Monthly Entertainment Report');
    expect(text[0]).toContain('November 2026');
    expect(text[0]).toContain('Asha Kapoor');
    text.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${text.length}`);
      expect(page).toMatch(/Show/);
    });
    expect(text[1]).toContain('Amount paid'); // the bookings header again on page 2
    const all = text.join('\n');
    expect(all).toMatch(/Total\s+70 bookings\s+140\s+70,000/);
    expect(all).toContain('Upcoming 100');
  });

  it('says so when there were no bookings and nothing is coming', async () => {
    const text = pages(await renderMonthlyReportPdf(report(0, 0))).join('\n');
    expect(text).toContain('No bookings for shows in November 2026.');
    expect(text).toContain('No shows are scheduled yet.');
  });
});
