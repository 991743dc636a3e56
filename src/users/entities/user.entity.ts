import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const USER_ROLES = ['user', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Unique case-insensitively (unique index on lower(username)). */
  @Column({ type: 'text' })
  username!: string;

  /** Stored lower-case, unique. */
  @Column({ type: 'text', unique: true })
  email!: string;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash!: string;

  @Column({ type: 'text', default: 'user' })
  role!: UserRole;

  @Column({ name: 'reminders_enabled', type: 'boolean', default: true })
  remindersEnabled!: boolean;

  @Column({ name: 'reports_enabled', type: 'boolean', default: true })
  reportsEnabled!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
