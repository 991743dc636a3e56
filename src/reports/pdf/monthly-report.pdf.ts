import PDFDocument from 'pdfkit';
import { count, formatNumber } from '../format';
import { formatShowTimeCell, monthTitle } from '../calendar';
import type { MonthlyReport, ReportBooking, ReportUpcomingShow } from '../reports.types';
import { Column, COLORS, contentBottom, Doc, drawTable, FONT, pdfSafe } from './pdf-table';

export const REPORT_TITLE = 'Monthly Entertainment Report';
export const UPCOMING_LIMIT = 100;

const num = formatNumber;
const when = (at: Date, tz: string): string => formatShowTimeCell(new Date(at), tz);

const BOOKING_COLUMNS: Column<ReportBooking>[] = [
  { header: 'Show', width: 120, cell: (b) => b.showName },
  { header: 'Genre', width: 55, cell: (b) => b.genre },
  { header: 'Venue', width: 80, cell: (b) => b.venueName },
  { header: 'Location', width: 75, cell: (b) => b.location },
  { header: 'Date and time', width: 85, cell: (b) => when(b.startsAt, b.timezone) },
  { header: 'Seats', width: 40, align: 'right', cell: (b) => num(b.seats) },
  { header: 'Amount paid', width: 60, align: 'right', cell: (b) => num(b.amount) },
];

const UPCOMING_COLUMNS: Column<ReportUpcomingShow>[] = [
  { header: 'Date and time', width: 85, cell: (s) => when(s.startsAt, s.timezone) },
  { header: 'Show', width: 120, cell: (s) => `${s.favouriteGenre ? '\u2022 ' : ''}${s.name}` },
  { header: 'Genre', width: 60, cell: (s) => s.genre },
  { header: 'Venue', width: 85, cell: (s) => s.venueName },
  { header: 'Location', width: 75, cell: (s) => s.location },
  { header: 'Price', width: 40, align: 'right', cell: (s) => num(s.price) },
  { header: 'Seats left', width: 50, align: 'right', cell: (s) => num(s.seatsAvailable) },
];

/** The report as a PDF a person would keep: title, summary, two tables, footer on every page. */
export function renderMonthlyReportPdf(report: MonthlyReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 48, bottom: 40, left: 40, right: 40 },
    bufferPages: true,
    info: { Title: `${REPORT_TITLE} - ${monthTitle(report.month)}`, Author: 'Ticket Show' },
  });
  const done = collect(doc);
  drawTitle(doc, report);
  drawSummary(doc, report);
  drawBookings(doc, report);
  drawUpcoming(doc, report);
  drawFooters(doc, report);
  doc.end();
  return done;
}

function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function drawTitle(doc: Doc, r: MonthlyReport): void {
  const left = doc.page.margins.left;
  doc.font(FONT.bold).fontSize(10).fillColor(COLORS.accent).text('TICKET SHOW', left, 48);
  doc.font(FONT.bold).fontSize(22).fillColor(COLORS.ink).text(REPORT_TITLE);
  doc
    .font(FONT.regular)
    .fontSize(12)
    .fillColor(COLORS.ink)
    .text(`${monthTitle(r.month)}  \u2022  prepared for ${pdfSafe(r.name)}`);
  doc
    .font(FONT.regular)
    .fontSize(8.5)
    .fillColor(COLORS.muted)
    .text(
      `Generated ${r.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. ` +
        'Show times are given in each venue\u2019s local time.',
    );
  const y = doc.y + 8;
  doc
    .moveTo(left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .lineWidth(1.5)
    .strokeColor(COLORS.accent)
    .stroke();
  doc.y = y + 14;
}

function drawSummary(doc: Doc, r: MonthlyReport): void {
  const boxes: Array<[string, string]> = [
    ['Bookings', num(r.totals.bookings)],
    ['Seats', num(r.totals.seats)],
    ['Amount paid', num(r.totals.amount)],
  ];
  const left = doc.page.margins.left;
  const gap = 12;
  const width = (doc.page.width - left - doc.page.margins.right - 2 * gap) / 3;
  const top = doc.y;
  boxes.forEach(([label, value], i) => {
    const x = left + i * (width + gap);
    doc.rect(x, top, width, 48).fill(COLORS.band);
    doc
      .font(FONT.regular)
      .fontSize(8.5)
      .fillColor(COLORS.muted)
      .text(label.toUpperCase(), x + 10, top + 9);
    doc
      .font(FONT.bold)
      .fontSize(16)
      .fillColor(COLORS.ink)
      .text(value, x + 10, top + 22);
  });
  doc.x = left;
  doc.y = top + 64;
}

function heading(doc: Doc, title: string, note?: string): void {
  if (doc.y + 80 > contentBottom(doc)) doc.addPage();
  const left = doc.page.margins.left;
  doc.font(FONT.bold).fontSize(13).fillColor(COLORS.ink).text(title, left, doc.y);
  if (note) doc.font(FONT.regular).fontSize(8.5).fillColor(COLORS.muted).text(note);
  doc.y += 6;
}

function drawBookings(doc: Doc, r: MonthlyReport): void {
  heading(doc, `Your bookings for shows in ${monthTitle(r.month)}`);
  if (r.bookings.length === 0) {
    doc
      .font(FONT.regular)
      .fontSize(10)
      .fillColor(COLORS.ink)
      .text(`No bookings for shows in ${monthTitle(r.month)}.`);
    doc.y += 16;
    return;
  }
  const totals = [
    'Total',
    '',
    '',
    '',
    count(r.totals.bookings, 'booking'),
    num(r.totals.seats),
    num(r.totals.amount),
  ];
  drawTable(doc, BOOKING_COLUMNS, r.bookings, totals);
  doc.y += 8;
}

function drawUpcoming(doc: Doc, r: MonthlyReport): void {
  const favourites =
    r.favouriteGenres.length > 0
      ? `Genres you booked come first (marked \u2022): ${r.favouriteGenres.join(', ')}.`
      : 'Book a show and your favourite genres will come first here.';
  heading(doc, `Coming up in the next ${r.upcomingDays} days`, pdfSafe(favourites));
  if (r.upcoming.length === 0) {
    doc.font(FONT.regular).fontSize(10).fillColor(COLORS.ink).text('No shows are scheduled yet.');
    return;
  }
  drawTable(doc, UPCOMING_COLUMNS, r.upcoming);
  if (r.upcoming.length >= UPCOMING_LIMIT) {
    doc
      .font(FONT.regular)
      .fontSize(8.5)
      .fillColor(COLORS.muted)
      .text(`Showing the first ${UPCOMING_LIMIT} shows.`, doc.page.margins.left);
  }
}

function drawFooters(doc: Doc, r: MonthlyReport): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
    const y = doc.page.height - 28;
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    doc
      .moveTo(left, y - 6)
      .lineTo(left + width, y - 6)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke();
    doc.font(FONT.regular).fontSize(7.5).fillColor(COLORS.muted);
    doc.text(
      `Ticket Show \u2022 ${REPORT_TITLE} \u2022 ${monthTitle(r.month)} \u2022 ${pdfSafe(r.name)}`,
      left,
      y,
      { width, align: 'left', lineBreak: false },
    );
    doc.text(`Page ${i - start + 1} of ${count}`, left, y, {
      width,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
