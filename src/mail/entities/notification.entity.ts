import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

export const NOTIFICATION_STATUSES = ['pending', 'sent'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * The sent-log: one row per (user, kind, period), e.g. (7, 'daily-reminder', '2026-12-03').
 * Written before the send and marked sent after, so no email goes out twice.
 */
@Entity('notifications')
@Unique('uq_notifications_user_kind_period', ['userId', 'kind', 'period'])
export class Notification {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  period!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: NotificationStatus;

  /** What the email needs when its subject is gone (e.g. a deleted show's name and seats). */
  @Column({ type: 'jsonb', default: {} })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
