import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobsConfig, jobsConfig } from '../config';
import { EXPORT_FILE_PATTERN, exportFileName, tmpSuffix } from './export-files';
import { ORPHAN_TMP_AGE_MS } from './exports.constants';
import { ExportsRepository } from './exports.repository';

const DAY_MS = 24 * 3_600_000;
const BATCH = 500;

export interface RetentionResult {
  rowsRemoved: number;
  filesRemoved: number;
}

/** Removes exports older than EXPORT_RETENTION_DAYS (rows and files) and orphaned temp files. */
@Injectable()
export class ExportRetention {
  private readonly logger = new Logger(ExportRetention.name);

  constructor(
    private readonly exports: ExportsRepository,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
  ) {}

  async sweep(now = new Date()): Promise<RetentionResult> {
    const cutoff = new Date(now.getTime() - this.config.exportRetentionDays * DAY_MS);
    const expired = await this.removeExpiredRows(cutoff);
    const rowsRemoved = expired.rowsRemoved;
    const filesRemoved = expired.filesRemoved + (await this.removeStrayFiles(now, cutoff));
    this.logger.log({ msg: 'Export retention sweep', rowsRemoved, filesRemoved });
    return { rowsRemoved, filesRemoved };
  }

  /** Files first, then the row: a crash in between leaves a file the directory scan catches. */
  private async removeExpiredRows(cutoff: Date): Promise<RetentionResult> {
    const result: RetentionResult = { rowsRemoved: 0, filesRemoved: 0 };
    for (;;) {
      const batch = await this.exports.findCreatedBefore(cutoff, BATCH);
      if (batch.length === 0) return result;
      for (const exp of batch) {
        const name = exportFileName(exp.id);
        for (const file of [name, name + tmpSuffix]) {
          if (await this.remove(file)) result.filesRemoved += 1;
        }
      }
      await this.exports.removeMany(batch.map((e) => e.id));
      result.rowsRemoved += batch.length;
    }
  }

  /**
   * Files with no row left (the requester was deleted, or a crash above): finished files past the
   * retention age, and temp files older than a day, which no running job still writes.
   */
  private async removeStrayFiles(now: Date, cutoff: Date): Promise<number> {
    const names = await readdir(this.config.exportDir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names.filter((n) => EXPORT_FILE_PATTERN.test(n))) {
      const info = await stat(join(this.config.exportDir, name)).catch(() => null);
      if (!info?.isFile()) continue;
      const limit = name.endsWith(tmpSuffix) ? now.getTime() - ORPHAN_TMP_AGE_MS : cutoff.getTime();
      if (info.mtimeMs < limit && (await this.remove(name))) removed += 1;
    }
    return removed;
  }

  private async remove(name: string): Promise<boolean> {
    try {
      await rm(join(this.config.exportDir, name));
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      return false;
    }
  }
}
