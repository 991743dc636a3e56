import { ConflictError, NotFoundError } from '../common/errors';
import type { ExportStatus } from './entities/export.entity';

/** Also what a caller who may not see the export gets: existence is not disclosed. */
export class ExportNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('EXPORT.NOT_FOUND', `Export ${id} was not found.`);
  }
}

/**
 * The file is not there yet (or the job failed). The problem carries the export's state as
 * `exportStatus`: a member named `status` would clash with the problem document's HTTP status.
 */
export class ExportNotReadyError extends ConflictError {
  constructor(id: string, status: ExportStatus, error: string | null) {
    super(
      'EXPORT.NOT_READY',
      status === 'failed'
        ? `Export ${id} failed; start a new one.`
        : `Export ${id} is ${status}; poll GET /exports/${id} until it is done.`,
      { exportStatus: status, ...(error ? { error } : {}) },
    );
  }
}

/** Done, but the file is gone from EXPORT_DIR (removed by retention or storage not shared). */
export class ExportFileGoneError extends NotFoundError {
  constructor(id: string) {
    super('EXPORT.FILE_GONE', `The file of export ${id} is no longer available; start a new one.`);
  }
}
