import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ListingCache } from '../common/cache/listing-cache.service';
import { Page } from '../common/pagination/pagination.dto';
import { CancellationNotifier } from '../mail/cancellation-notifier';
import { Venue } from '../venues/entities/venue.entity';
import { VenuesService } from '../venues/venues.service';
import { CreateShowDto, ListShowsQueryDto, UpdateShowDto } from './dto/show.dto';
import { ShowResponse } from './dto/show.response';
import { Show } from './entities/show.entity';
import { toShowResponse } from './show.mapper';
import { badDateTime, capacityBelowBooked, endsBeforeStart, showNotFound } from './shows.errors';
import { NewShow, ShowsRepository } from './shows.repository';
import { parseZonedDateTime } from '../common/zoned-time';

/** The show catalogue: listings, admin writes, cancellation notices on delete. */
@Injectable()
export class ShowsService {
  private readonly logger = new Logger(ShowsService.name);

  constructor(
    private readonly shows: ShowsRepository,
    private readonly venues: VenuesService,
    private readonly dataSource: DataSource,
    private readonly cache: ListingCache,
    private readonly notifier: CancellationNotifier,
  ) {}

  /** The show with its venue loaded, or null. */
  findById(id: number): Promise<Show | null> {
    return this.shows.findById(id);
  }

  /** Live (never cached) show with `seatsAvailable`; 404 if unknown. */
  async getShow(id: number): Promise<ShowResponse> {
    const show = await this.shows.findById(id);
    if (!show) throw showNotFound(id);
    return toShowResponse(show);
  }

  async listShows(query: ListShowsQueryDto): Promise<Page<ShowResponse>> {
    const [rows, total] = await this.shows.findPage({
      ...query,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    });
    const items = rows.map((s) => toShowResponse(s));
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** Not-yet-started shows of these venues, grouped by venue id (one query). */
  async upcomingByVenues(venues: Venue[]): Promise<Map<number, ShowResponse[]>> {
    const byId = new Map(venues.map((v) => [v.id, v]));
    const grouped = new Map<number, ShowResponse[]>(venues.map((v) => [v.id, []]));
    for (const show of await this.shows.findUpcomingByVenues([...byId.keys()])) {
      const venue = byId.get(show.venueId);
      grouped.get(show.venueId)?.push(toShowResponse(show, venue, { embedVenue: false }));
    }
    return grouped;
  }

  async createShow(venueId: number, dto: CreateShowDto): Promise<ShowResponse> {
    const venue = await this.venues.getVenue(venueId);
    const startsAt = toInstant(dto.startsAt, venue.timezone, 'startsAt');
    const endsAt = toInstant(dto.endsAt, venue.timezone, 'endsAt');
    if (endsAt <= startsAt) throw endsBeforeStart();
    const id = await this.shows.insert({
      venueId,
      name: dto.name,
      language: dto.language,
      genre: dto.genre,
      rating: dto.rating,
      price: dto.price,
      startsAt,
      endsAt,
      capacity: dto.capacity ?? venue.capacity,
    });
    await this.cache.invalidate();
    return this.getShow(id);
  }

  /** Partial update under a row lock; capacity never below seats booked (409). */
  async updateShow(id: number, dto: UpdateShowDto): Promise<ShowResponse> {
    await this.dataSource.transaction(async (manager) => {
      const show = await this.shows.lockById(manager, id);
      if (!show) throw showNotFound(id);
      const venue = await this.venues.getVenue(show.venueId);
      const { startsAt, endsAt, ...rest } = dto;
      const changes: Partial<NewShow> = { ...rest };
      if (startsAt !== undefined)
        changes.startsAt = toInstant(startsAt, venue.timezone, 'startsAt');
      if (endsAt !== undefined) changes.endsAt = toInstant(endsAt, venue.timezone, 'endsAt');
      if ((changes.endsAt ?? show.endsAt) <= (changes.startsAt ?? show.startsAt)) {
        throw endsBeforeStart();
      }
      if (changes.capacity !== undefined && changes.capacity < show.seatsBooked) {
        throw capacityBelowBooked(id, show.seatsBooked);
      }
      await this.shows.update(manager, id, changes);
    });
    await this.cache.invalidate();
    return this.getShow(id);
  }

  /** Deletes the show and its bookings; affected users get a notice (outbox, same transaction). */
  async deleteShow(id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const show = await this.shows.lockById(manager, id);
      if (!show) throw showNotFound(id);
      const notices = await this.shows.findCancellationNotices(manager, { showId: id });
      await this.notifier.record(manager, notices);
      await this.shows.deleteById(manager, id);
    });
    await this.afterDelete();
  }

  /** For VenuesService: after a venue delete commits. */
  async afterDelete(): Promise<void> {
    await this.cache.invalidate();
    await this.notifier.dispatch().catch((err: unknown) => {
      // The notices are committed; mail's own sweep sends them later.
      this.logger.warn(`Cancellation notices not dispatched now: ${String(err)}`);
    });
  }
}

function toInstant(value: string, timezone: string, field: string): Date {
  const date = parseZonedDateTime(value, timezone);
  if (Number.isNaN(date.getTime())) throw badDateTime(field);
  return date;
}
