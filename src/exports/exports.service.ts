import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import type { AuthUser } from '../common/decorators';
import { ForbiddenError } from '../common/errors';
import { JobsConfig, jobsConfig } from '../config';
import { enqueue } from '../redis/queue.util';
import { VenuesService } from '../venues/venues.service';
import { ExportResponseDto } from './dto/export.response';
import type { VenueExport } from './entities/export.entity';
import {
  BUILD_EXPORT_JOB,
  buildJobOptions,
  BuildExportJob,
  EXPORTS_QUEUE,
} from './exports.constants';
import { ExportFileGoneError, ExportNotFoundError, ExportNotReadyError } from './exports.errors';
import { toExportResponse } from './exports.mapper';
import { ExportsRepository } from './exports.repository';

/** A finished export's file, opened: send `stream` as the body. */
export interface ExportDownload {
  stream: Readable;
  /** `venue-<venueId>-<YYYY-MM-DD>.csv`, for Content-Disposition. */
  fileName: string;
  contentType: 'text/csv; charset=utf-8';
  size: number;
}

/**
 * Venue CSV exports: start, status, download. Who may see an export: the admin who asked for it
 * and any other admin (exports are venue data, which every admin manages); a non-admin never
 * sees one (404, as if it did not exist).
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly exports: ExportsRepository,
    private readonly venues: VenuesService,
    @InjectQueue(EXPORTS_QUEUE) private readonly queue: Queue<BuildExportJob>,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
  ) {}

  /** Queues an export of the venue; 404 for an unknown venue, 503 if the queue is down. */
  async start(user: AuthUser, venueId: number): Promise<ExportResponseDto> {
    if (user.role !== 'admin') {
      throw new ForbiddenError('AUTH.FORBIDDEN', 'Exports are for admins.');
    }
    await this.venues.getVenue(venueId); // 404 VENUE.NOT_FOUND
    const exp = await this.exports.createQueued(venueId, user.id);
    try {
      await enqueue(this.queue, BUILD_EXPORT_JOB, { exportId: exp.id }, buildJobOptions(exp.id));
    } catch (err) {
      // No job, no row: a queued export that nothing will ever run would be a lie.
      await this.exports.remove(exp.id);
      throw err;
    }
    return toExportResponse(exp);
  }

  async get(user: AuthUser, id: string): Promise<ExportResponseDto> {
    return toExportResponse(await this.findVisible(user, id));
  }

  /** The caller's own most recent finished export, or null (the seed's `/download-csvexport`). */
  async latestFinished(user: AuthUser): Promise<ExportResponseDto | null> {
    const exp = await this.exports.findLatestDoneByRequester(user.id);
    return exp ? toExportResponse(exp) : null;
  }

  /** 409 `EXPORT.NOT_READY` until done; 404 `EXPORT.FILE_GONE` if the file has been removed. */
  async openDownload(user: AuthUser, id: string): Promise<ExportDownload> {
    const exp = await this.findVisible(user, id);
    if (exp.status !== 'done' || !exp.fileName) {
      throw new ExportNotReadyError(exp.id, exp.status, exp.error);
    }
    // Open before answering, so a missing file is a 404 problem and not a broken 200.
    const handle = await open(join(this.config.exportDir, exp.fileName), 'r').catch(
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') throw new ExportFileGoneError(exp.id);
        throw err;
      },
    );
    try {
      const { size } = await handle.stat();
      return {
        stream: handle.createReadStream(),
        fileName: downloadName(exp),
        contentType: 'text/csv; charset=utf-8',
        size,
      };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  private async findVisible(user: AuthUser, id: string): Promise<VenueExport> {
    const exp = await this.exports.findById(id);
    if (!exp || !canSee(user, exp)) throw new ExportNotFoundError(id);
    return exp;
  }
}

function canSee(user: AuthUser, exp: VenueExport): boolean {
  return user.role === 'admin' || exp.requestedBy === user.id;
}

/** Day the data was taken (UTC). */
function downloadName(exp: VenueExport): string {
  const day = (exp.finishedAt ?? exp.createdAt).toISOString().slice(0, 10);
  return `venue-${exp.venueId}-${day}.csv`;
}
