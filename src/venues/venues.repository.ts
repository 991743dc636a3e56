import { Injectable } from '@nestjs/common';
import { likePattern, withWindowTotal } from '../database/query-helpers';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { Venue } from './entities/venue.entity';

export interface VenueFilter {
  city?: string;
  q?: string;
  limit: number;
  offset: number;
}

export type NewVenue = Pick<Venue, 'name' | 'location' | 'city' | 'capacity' | 'timezone'>;

/** The only place that queries `venues`. */
@Injectable()
export class VenuesRepository {
  constructor(@InjectRepository(Venue) private readonly venues: Repository<Venue>) {}

  private repo(manager?: EntityManager): Repository<Venue> {
    return manager ? manager.getRepository(Venue) : this.venues;
  }

  findById(id: number, manager?: EntityManager): Promise<Venue | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** Locks the row for the rest of the transaction (capacity changes, deletes). */
  lockById(manager: EntityManager, id: number): Promise<Venue | null> {
    return manager
      .getRepository(Venue)
      .createQueryBuilder('v')
      .setLock('pessimistic_write')
      .where('v.id = :id', { id })
      .getOne();
  }

  /** A page ordered by id, and the total, in one query (`count(*) OVER ()`). */
  async findPage(filter: VenueFilter): Promise<[Venue[], number]> {
    const page = this.filtered(filter)
      .addSelect('COUNT(*) OVER ()', 'total')
      .orderBy('v.id', 'ASC')
      .limit(filter.limit)
      .offset(filter.offset);
    return withWindowTotal(await page.getRawAndEntities<{ total: string }>(), () =>
      this.filtered(filter).getCount(),
    );
  }

  private filtered(filter: VenueFilter): SelectQueryBuilder<Venue> {
    const qb = this.venues.createQueryBuilder('v');
    if (filter.city) qb.andWhere('lower(v.city) = lower(:city)', { city: filter.city });
    if (filter.q) {
      qb.andWhere('(v.name ILIKE :q OR v.location ILIKE :q)', { q: likePattern(filter.q) });
    }
    return qb;
  }

  insert(venue: NewVenue): Promise<Venue> {
    return this.venues.save(this.venues.create(venue));
  }

  async update(manager: EntityManager, id: number, changes: Partial<NewVenue>): Promise<void> {
    if (Object.keys(changes).length > 0) await manager.getRepository(Venue).update({ id }, changes);
  }

  /** Shows and their bookings go with it (ON DELETE CASCADE). */
  async deleteById(manager: EntityManager, id: number): Promise<void> {
    await manager.getRepository(Venue).delete({ id });
  }
}
