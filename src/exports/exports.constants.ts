import type { JobOptions } from 'bull';

/** The Bull queue that builds CSV exports and sweeps old ones. */
export const EXPORTS_QUEUE = 'exports';

/** Job names on the `exports` queue. */
export const BUILD_EXPORT_JOB = 'build';
export const EXPORT_RETENTION_JOB = 'retention';

/** Payload of a build job; the Bull job id is the export id too. */
export interface BuildExportJob {
  exportId: string;
}

/** Payload of a retention sweep; the day it was scheduled for (job id `exports-retention:<day>`). */
export interface ExportRetentionJob {
  day: string;
}

export type ExportsJobData = BuildExportJob | ExportRetentionJob;

/** Three attempts, 2 s then 4 s apart: a crash or a lost connection gets a second chance. */
export const BUILD_ATTEMPTS = 3;
export const BUILD_BACKOFF_MS = 2_000;

/** Bull options of a build job: its id is the export id, so a job is never queued twice. */
export function buildJobOptions(exportId: string): JobOptions {
  return {
    jobId: exportId,
    attempts: BUILD_ATTEMPTS,
    backoff: { type: 'exponential', delay: BUILD_BACKOFF_MS },
  };
}

/** Progress is written at most this often while a job runs (one UPDATE each time). */
export const PROGRESS_INTERVAL_MS = 250;

/** A `.tmp` file this old belongs to no running job (jobs take seconds, not days). */
export const ORPHAN_TMP_AGE_MS = 24 * 3_600_000;

/** Daily sweep, in SCHEDULE_TIMEZONE. */
export const RETENTION_CRON = '30 3 * * *';
