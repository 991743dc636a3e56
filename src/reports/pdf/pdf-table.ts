import type PDFDocument from 'pdfkit';

export type Doc = InstanceType<typeof PDFDocument>;

export interface Column<T> {
  header: string;
  width: number;
  align?: 'left' | 'right';
  cell: (row: T) => string;
}

export const COLORS = {
  ink: '#1f2430',
  muted: '#6b7080',
  accent: '#b4232a',
  rule: '#d9dbe3',
  band: '#f3f4f7',
};
export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold' };
const SIZE = 8.5;
const PAD = 4;

/**
 * The standard PDF fonts only cover Windows-1252: anything else would print as garbage, so it
 * becomes "?" (a known limit; embedding a Unicode TTF would lift it).
 */
export const pdfSafe = (s: string): string =>
  s.replace(/[^\n\x20-\x7E\u00A0-\u00FF\u2013\u2014\u2018\u2019\u201C\u201D\u2022\u2026]/g, '?');

/** Lowest y a row may reach before the page's footer space. */
export const contentBottom = (doc: Doc): number => doc.page.height - doc.page.margins.bottom - 24;

function rowHeight<T>(doc: Doc, columns: Column<T>[], cells: string[], font: string): number {
  doc.font(font).fontSize(SIZE);
  const heights = columns.map((c, i) => doc.heightOfString(cells[i], { width: c.width - 2 * PAD }));
  return Math.max(...heights) + 2 * PAD;
}

function drawRow<T>(
  doc: Doc,
  columns: Column<T>[],
  cells: string[],
  y: number,
  opts: {
    font: string;
    height: number;
    fill?: string;
    color?: string;
  },
): void {
  const left = doc.page.margins.left;
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  if (opts.fill) doc.rect(left, y, width, opts.height).fill(opts.fill);
  doc
    .font(opts.font)
    .fontSize(SIZE)
    .fillColor(opts.color ?? COLORS.ink);
  let x = left;
  columns.forEach((c, i) => {
    doc.text(cells[i], x + PAD, y + PAD, { width: c.width - 2 * PAD, align: c.align ?? 'left' });
    x += c.width;
  });
  doc
    .moveTo(left, y + opts.height)
    .lineTo(left + width, y + opts.height)
    .lineWidth(0.5)
    .strokeColor(COLORS.rule)
    .stroke();
}

/**
 * A table with a header row repeated on every page it spans, zebra rows and an optional bold
 * totals row. Starts at doc.y; leaves doc.y below the table.
 */
export function drawTable<T>(doc: Doc, columns: Column<T>[], rows: T[], totals?: string[]): void {
  const headers = columns.map((c) => c.header);
  const headerHeight = rowHeight(doc, columns, headers, FONT.bold);
  const header = (y: number): number => {
    drawRow(doc, columns, headers, y, {
      font: FONT.bold,
      height: headerHeight,
      fill: COLORS.ink,
      color: '#ffffff',
    });
    return y + headerHeight;
  };
  let y = header(doc.y);
  const lines: Array<{ cells: string[]; font: string; fill?: string }> = rows.map((row, i) => ({
    cells: columns.map((c) => pdfSafe(c.cell(row))),
    font: FONT.regular,
    fill: i % 2 === 1 ? COLORS.band : undefined,
  }));
  if (totals) lines.push({ cells: totals.map(pdfSafe), font: FONT.bold });
  for (const line of lines) {
    const height = rowHeight(doc, columns, line.cells, line.font);
    if (y + height > contentBottom(doc)) {
      doc.addPage();
      y = header(doc.page.margins.top);
    }
    drawRow(doc, columns, line.cells, y, { font: line.font, height, fill: line.fill });
    y += height;
  }
  doc.x = doc.page.margins.left;
  doc.y = y + 10;
}
