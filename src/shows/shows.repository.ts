import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import type { CancelledBookingNotice } from '../mail/cancellation-notifier';
import { likePattern, withWindowTotal } from '../database/query-helpers';
import { Show } from './entities/show.entity';
import { anyZoneDayBounds } from '../common/zoned-time';

export interface ShowFilter {
  /** YYYY-MM-DD in each venue's own zone. */
  date?: string;
  venueId?: number;
  genre?: string;
  q?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

export type NewShow = Pick<
  Show,
  | 'venueId'
  | 'name'
  | 'language'
  | 'genre'
  | 'rating'
  | 'price'
  | 'startsAt'
  | 'endsAt'
  | 'capacity'
>;

/** The only place that queries `shows` (with their venue joined for rendering). */
@Injectable()
export class ShowsRepository {
  constructor(@InjectRepository(Show) private readonly shows: Repository<Show>) {}

  private withVenue(manager?: EntityManager): SelectQueryBuilder<Show> {
    const repo = manager ? manager.getRepository(Show) : this.shows;
    return repo.createQueryBuilder('s').innerJoinAndSelect('s.venue', 'v');
  }

  findById(id: number, manager?: EntityManager): Promise<Show | null> {
    return this.withVenue(manager).where('s.id = :id', { id }).getOne();
  }

  /** Locks the show row (bookings update the same row, so they wait for us). */
  lockById(manager: EntityManager, id: number): Promise<Show | null> {
    return manager
      .getRepository(Show)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id = :id', { id })
      .getOne();
  }

  /** Ordered by start, then id, with the total in the same query (`count(*) OVER ()`). */
  async findPage(filter: ShowFilter): Promise<[Show[], number]> {
    const page = this.filtered(filter)
      .addSelect('COUNT(*) OVER ()', 'total')
      .orderBy('s.starts_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      // A many-to-one join never multiplies rows, so plain LIMIT/OFFSET is exact (take/skip
      // would add a DISTINCT sub-query).
      .limit(filter.limit)
      .offset(filter.offset);
    return withWindowTotal(await page.getRawAndEntities<{ total: string }>(), () =>
      this.filtered(filter).getCount(),
    );
  }

  /** The date filter keeps a range on starts_at so the index still narrows the scan. */
  private filtered(filter: ShowFilter): SelectQueryBuilder<Show> {
    const qb = this.withVenue();
    if (filter.date) {
      const { from, to } = anyZoneDayBounds(filter.date);
      qb.andWhere('s.starts_at >= :dayFrom AND s.starts_at < :dayTo', { dayFrom: from, dayTo: to });
      qb.andWhere('CAST(s.starts_at AT TIME ZONE v.timezone AS date) = CAST(:date AS date)', {
        date: filter.date,
      });
    }
    if (filter.venueId) qb.andWhere('s.venue_id = :venueId', { venueId: filter.venueId });
    if (filter.genre) qb.andWhere('lower(s.genre) = lower(:genre)', { genre: filter.genre });
    if (filter.q) qb.andWhere('s.name ILIKE :q', { q: likePattern(filter.q) });
    if (filter.from) qb.andWhere('s.starts_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('s.starts_at < :to', { to: filter.to });
    return qb;
  }

  /** Not-yet-started shows of these venues, in one query (GET /venue-shows). */
  findUpcomingByVenues(venueIds: number[]): Promise<Show[]> {
    if (venueIds.length === 0) return Promise.resolve([]);
    return this.shows
      .createQueryBuilder('s')
      .where('s.venue_id = ANY(:venueIds)', { venueIds })
      .andWhere('s.starts_at > now()')
      .orderBy('s.venue_id', 'ASC')
      .addOrderBy('s.starts_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }

  async insert(show: NewShow): Promise<number> {
    const saved = await this.shows.save(this.shows.create(show));
    return saved.id;
  }

  async update(manager: EntityManager, id: number, changes: Partial<NewShow>): Promise<void> {
    if (Object.keys(changes).length > 0) await manager.getRepository(Show).update({ id }, changes);
  }

  /** The venue's not-yet-started shows, locked; the most-booked first. */
  lockUpcomingByVenue(manager: EntityManager, venueId: number): Promise<Show[]> {
    return manager
      .getRepository(Show)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.venue_id = :venueId AND s.starts_at > now()', { venueId })
      .orderBy('s.seats_booked', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }

  async setCapacityOfUpcoming(manager: EntityManager, venueId: number, capacity: number) {
    await manager
      .getRepository(Show)
      .createQueryBuilder()
      .update()
      .set({ capacity })
      .where('venue_id = :venueId AND starts_at > now()', { venueId })
      .execute();
  }

  /** Locks every show of the venue so no booking slips in between the notices and the delete. */
  async lockAllByVenue(manager: EntityManager, venueId: number): Promise<void> {
    await manager.query('SELECT id FROM shows WHERE venue_id = $1 FOR UPDATE', [venueId]);
  }

  async deleteById(manager: EntityManager, id: number): Promise<void> {
    await manager.getRepository(Show).delete({ id });
  }

  /**
   * One notice per user and not-yet-ended show among those about to be deleted (the cascade will
   * remove the bookings). Reads `bookings` directly: the rows vanish in this same transaction.
   */
  async findCancellationNotices(
    manager: EntityManager,
    scope: { showId: number } | { venueId: number },
  ): Promise<CancelledBookingNotice[]> {
    const [column, value] =
      'showId' in scope ? ['s.id', scope.showId] : ['s.venue_id', scope.venueId];
    const rows: NoticeRow[] = await manager.query(
      `SELECT b.user_id, min(b.id) AS booking_id, s.id AS show_id, s.name AS show_name,
              v.name AS venue_name, s.starts_at, v.timezone, sum(b.seats)::int AS seats
         FROM bookings b
         JOIN shows s ON s.id = b.show_id
         JOIN venues v ON v.id = s.venue_id
        WHERE ${column} = $1 AND b.status = 'confirmed' AND s.ends_at > now()
        GROUP BY b.user_id, s.id, v.id
        ORDER BY s.id, b.user_id`,
      [value],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      bookingId: r.booking_id,
      showId: r.show_id,
      showName: r.show_name,
      venueName: r.venue_name,
      startsAt: new Date(r.starts_at).toISOString(),
      timezone: r.timezone,
      seats: r.seats,
    }));
  }
}

interface NoticeRow {
  user_id: number;
  booking_id: number;
  show_id: number;
  show_name: string;
  venue_name: string;
  starts_at: Date;
  timezone: string;
  seats: number;
}
