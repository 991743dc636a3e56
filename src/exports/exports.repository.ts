import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, Not, Repository } from 'typeorm';
import { ExportStatus, VenueExport } from './entities/export.entity';

/** The `exports` rows: an export's life from queued to done or failed. */
@Injectable()
export class ExportsRepository {
  constructor(@InjectRepository(VenueExport) private readonly repo: Repository<VenueExport>) {}

  createQueued(venueId: number, requestedBy: number): Promise<VenueExport> {
    return this.repo.save(this.repo.create({ venueId, requestedBy, status: 'queued' }));
  }

  findById(id: string): Promise<VenueExport | null> {
    return this.repo.findOneBy({ id });
  }

  findLatestDoneByRequester(userId: number): Promise<VenueExport | null> {
    return this.repo.findOne({
      where: { requestedBy: userId, status: 'done' },
      order: { createdAt: 'DESC' },
    });
  }

  async remove(id: string): Promise<void> {
    await this.repo.delete({ id });
  }

  /**
   * Starts (or restarts, after a crash or a failed attempt) a run from zero. Returns null when
   * there is nothing to run: the row is gone, done, or finally failed.
   */
  async markRunning(id: string): Promise<VenueExport | null> {
    const result = await this.repo.update(
      { id, status: In<ExportStatus>(['queued', 'running']) },
      {
        status: 'running',
        progress: 0,
        rowCount: 0,
        error: null,
        fileName: null,
        startedAt: () => 'now()',
        finishedAt: null,
      },
    );
    return result.affected ? this.findById(id) : null;
  }

  async updateProgress(id: string, progress: number, rowCount: number): Promise<void> {
    await this.repo.update({ id, status: 'running' }, { progress, rowCount });
  }

  async markDone(id: string, rowCount: number, fileName: string): Promise<void> {
    await this.repo.update(
      { id },
      { status: 'done', progress: 100, rowCount, fileName, error: null, finishedAt: () => 'now()' },
    );
  }

  /** A failed attempt that Bull will retry: back to queued, the reason kept for the curious. */
  async markRetrying(id: string, error: string): Promise<void> {
    await this.repo.update(
      { id, status: Not<ExportStatus>('done') },
      { status: 'queued', progress: 0, error },
    );
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.repo.update(
      { id, status: Not<ExportStatus>('done') },
      { status: 'failed', error, finishedAt: () => 'now()' },
    );
  }

  /** Rows created before `before`, oldest first, a batch at a time. */
  findCreatedBefore(before: Date, limit: number): Promise<VenueExport[]> {
    return this.repo.find({
      where: { createdAt: LessThan(before) },
      order: { createdAt: 'ASC' },
      take: limit,
    });
  }

  async removeMany(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.repo.delete({ id: In(ids) });
  }
}
