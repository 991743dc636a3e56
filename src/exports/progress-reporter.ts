import { PROGRESS_INTERVAL_MS } from './exports.constants';

/** Writes progress at most every PROGRESS_INTERVAL_MS; never reports 100 before the rename. */
export class ProgressReporter {
  private rows = 0;
  private lastWrite = Date.now();

  constructor(
    private readonly total: number,
    private readonly write: (progress: number, rows: number) => Promise<void>,
  ) {}

  async tick(): Promise<void> {
    this.rows += 1;
    if (Date.now() - this.lastWrite < PROGRESS_INTERVAL_MS) return;
    this.lastWrite = Date.now();
    const pct = this.total > 0 ? Math.floor((this.rows / this.total) * 100) : 0;
    await this.write(Math.min(99, pct), this.rows);
  }

  get count(): number {
    return this.rows;
  }
}
