import { ExportCreatedDto, ExportResponseDto } from './dto/export.response';
import type { VenueExport } from './entities/export.entity';

export function toExportResponse(e: VenueExport): ExportResponseDto {
  return {
    id: e.id,
    venueId: e.venueId,
    status: e.status,
    progress: e.progress,
    rowCount: e.rowCount,
    createdAt: e.createdAt.toISOString(),
    startedAt: e.startedAt?.toISOString() ?? null,
    finishedAt: e.finishedAt?.toISOString() ?? null,
    ...(e.error ? { error: e.error } : {}),
  };
}

export const toExportCreated = (e: ExportResponseDto): ExportCreatedDto => ({
  id: e.id,
  status: e.status,
});
