import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

@Entity('exports')
export class VenueExport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'venue_id', type: 'integer' })
  venueId!: number;

  @Column({ name: 'requested_by', type: 'integer' })
  requestedBy!: number;

  @Column({ type: 'text', default: 'queued' })
  status!: ExportStatus;

  /** 0–100. */
  @Column({ type: 'integer', default: 0 })
  progress!: number;

  @Column({ name: 'row_count', type: 'integer', default: 0 })
  rowCount!: number;

  /** File name under EXPORT_DIR once done. */
  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
