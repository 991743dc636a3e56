import { OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { ExportBuilder } from './export-builder.service';
import { ExportRetention, RetentionResult } from './export-retention.service';
import {
  BUILD_EXPORT_JOB,
  BuildExportJob,
  EXPORT_RETENTION_JOB,
  EXPORTS_QUEUE,
  ExportsJobData,
} from './exports.constants';
import { ExportsRepository } from './exports.repository';

/** What an admin reads in `error`: the cause, without server paths. */
export function describeFailure(err: unknown): string {
  const e = err as NodeJS.ErrnoException | undefined;
  if (e?.code && e.syscall) return `Could not write the export file (${e.code} on ${e.syscall}).`;
  const message = e?.message ?? String(err);
  return message.length > 500 ? `${message.slice(0, 497)}...` : message;
}

/** Worker-only: builds exports and runs the retention sweep. Thin: the work is in services. */
@Processor(EXPORTS_QUEUE)
export class ExportsProcessor {
  private readonly logger = new Logger(ExportsProcessor.name);

  constructor(
    private readonly builder: ExportBuilder,
    private readonly retention: ExportRetention,
    private readonly exports: ExportsRepository,
  ) {}

  @Process(BUILD_EXPORT_JOB)
  build(job: Job<BuildExportJob>): Promise<void> {
    return this.builder.build(job.data.exportId);
  }

  @Process(EXPORT_RETENTION_JOB)
  sweep(): Promise<RetentionResult> {
    return this.retention.sweep();
  }

  /**
   * Bull emits `failed` after it has moved the job: to `delayed` when a retry is due, to the
   * failed set when attempts are spent (also when a job stalled too often after crashes).
   */
  @OnQueueFailed()
  async onFailed(job: Job<ExportsJobData>, err: Error): Promise<void> {
    if (job.name !== BUILD_EXPORT_JOB) return;
    const { exportId } = job.data as BuildExportJob;
    const reason = describeFailure(err);
    try {
      if (await job.isFailed()) {
        this.logger.error(
          { msg: 'Export failed', exportId, attempts: job.attemptsMade },
          err.stack,
        );
        await this.exports.markFailed(exportId, reason);
      } else {
        this.logger.warn({ msg: 'Export attempt failed; will retry', exportId, reason });
        await this.exports.markRetrying(exportId, reason);
      }
    } catch (e) {
      this.logger.error({ msg: 'Could not record export failure', exportId }, (e as Error).stack);
    }
  }
}
