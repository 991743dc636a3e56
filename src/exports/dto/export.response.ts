import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EXPORT_STATUSES, ExportStatus } from '../entities/export.entity';

/** A venue export job and where it stands. */
export class ExportResponseDto {
  /** Export id (UUID); also the id of its queue job. */
  @ApiProperty({ format: 'uuid' })
  id!: string;

  /** The exported venue. */
  venueId!: number;

  /** `queued` → `running` → `done` or `failed`; a failed attempt that will be retried is `queued` again. */
  @ApiProperty({ enum: EXPORT_STATUSES })
  status!: ExportStatus;

  /** 0–100; 100 only once the file is complete. */
  progress!: number;

  /** Show rows written so far (the totals row not counted). */
  rowCount!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  startedAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  finishedAt!: string | null;

  /** Why the last attempt failed (present when `failed`, or `queued` for a retry). */
  @ApiPropertyOptional()
  error?: string;
}

/** Accepted: the export is queued; poll `GET /exports/{id}`. */
export class ExportCreatedDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['queued'] })
  status!: ExportStatus;
}
