import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { numericTransformer } from '../../database/transformers';
import { Venue } from '../../venues/entities/venue.entity';

/** CHECKs: 0 <= seats_booked <= capacity, rating 0–10, price >= 0, ends_at > starts_at. */
@Entity('shows')
export class Show {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'venue_id', type: 'integer' })
  venueId!: number;

  @ManyToOne(() => Venue, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'venue_id' })
  venue?: Venue;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  language!: string;

  @Column({ type: 'text' })
  genre!: string;

  @Column({ type: 'numeric', precision: 3, scale: 1, transformer: numericTransformer })
  rating!: number;

  /** Whole currency units (the seed's `ticketprice`). */
  @Column({ type: 'integer' })
  price!: number;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'integer' })
  capacity!: number;

  @Column({ name: 'seats_booked', type: 'integer', default: 0 })
  seatsBooked!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
