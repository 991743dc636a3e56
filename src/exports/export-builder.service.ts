import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobsConfig, jobsConfig } from '../config';
import { VenuesService } from '../venues/venues.service';
import { CsvCell, MonthTotals, showCells } from './export-csv';
import { ExportDataRepository, ShowExportRow } from './export-data.repository';
import { writeCsvAtomically } from './export-files';
import { ExportsRepository } from './exports.repository';
import { ProgressReporter } from './progress-reporter';
import { monthInZone } from '../common/zoned-time';

/** Runs one export: the venue's rows, streamed from PostgreSQL into its CSV file. */
@Injectable()
export class ExportBuilder {
  private readonly logger = new Logger(ExportBuilder.name);

  constructor(
    private readonly exports: ExportsRepository,
    private readonly data: ExportDataRepository,
    private readonly venues: VenuesService,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
  ) {}

  /** Safe to run again for the same export: each run starts from zero and overwrites its temp file. */
  async build(exportId: string): Promise<void> {
    const exp = await this.exports.markRunning(exportId);
    if (!exp) return; // removed meanwhile, or already finished
    const venue = await this.venues.findById(exp.venueId);
    if (!venue) {
      await this.exports.markFailed(exportId, `Venue ${exp.venueId} no longer exists.`);
      return;
    }
    const { timezone } = venue;
    const total = await this.data.countShows(exp.venueId);
    const progress = new ProgressReporter(total, (pct, rows) =>
      this.exports.updateProgress(exportId, pct, rows),
    );
    const cursor = await this.data.openShowRows(exp.venueId, timezone);
    let fileName: string;
    try {
      const records = this.records(cursor.rows, timezone, progress);
      fileName = await writeCsvAtomically(this.config.exportDir, exportId, records);
    } finally {
      await cursor.close();
    }
    await this.exports.markDone(exportId, progress.count, fileName);
    this.logger.log({ msg: 'Export done', exportId, rows: progress.count });
  }

  private async *records(
    rows: AsyncIterable<ShowExportRow>,
    timezone: string,
    progress: ProgressReporter,
  ): AsyncIterable<CsvCell[]> {
    const totals = new MonthTotals(monthInZone(new Date(), timezone));
    for await (const row of rows) {
      totals.add(row);
      yield showCells(row, timezone);
      await progress.tick();
    }
    yield totals.cells();
  }
}
