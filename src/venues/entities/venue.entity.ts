import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity('venues')
export class Venue {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'text' })
  name!: string;

  /** The seed's free-text place ("Bandra, Mumbai"). */
  @Column({ type: 'text' })
  location!: string;

  @Column({ type: 'text', nullable: true })
  city!: string | null;

  /** The seed's `seats`; CHECK capacity > 0. */
  @Column({ type: 'integer' })
  capacity!: number;

  /** IANA zone; show times are shown and filtered by date in it. */
  @Column({ type: 'text' })
  timezone!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
