import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ListingCache } from '../common/cache/listing-cache.service';
import { Page } from '../common/pagination/pagination.dto';
import { AppConfig, appConfig } from '../config';
import { CreateVenueDto, ListVenuesQueryDto } from './dto/venue.dto';
import { VenueResponse } from './dto/venue.response';
import { Venue } from './entities/venue.entity';
import { toVenueResponse } from './venue.mapper';
import { venueNotFound } from './venues.errors';
import { NewVenue, VenuesRepository } from './venues.repository';

/**
 * Venues on their own. Writes that reach a venue's shows (capacity carry-over, delete) are in
 * ShowsModule's VenueShowsService, which builds on this one (no module cycle).
 */
@Injectable()
export class VenuesService {
  constructor(
    private readonly venues: VenuesRepository,
    private readonly cache: ListingCache,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  findById(id: number): Promise<Venue | null> {
    return this.venues.findById(id);
  }

  /** The venue, or a 404 `VENUE.NOT_FOUND`. */
  async getVenue(id: number, manager?: EntityManager): Promise<Venue> {
    const venue = await this.venues.findById(id, manager);
    if (!venue) throw venueNotFound(id);
    return venue;
  }

  async getVenueResponse(id: number): Promise<VenueResponse> {
    return toVenueResponse(await this.getVenue(id));
  }

  /** Venues entities of a page (for listings that add something to each venue). */
  findPage(query: ListVenuesQueryDto): Promise<[Venue[], number]> {
    return this.venues.findPage(query);
  }

  async listVenues(query: ListVenuesQueryDto): Promise<Page<VenueResponse>> {
    const [rows, total] = await this.venues.findPage(query);
    return { items: rows.map(toVenueResponse), total, limit: query.limit, offset: query.offset };
  }

  async createVenue(dto: CreateVenueDto): Promise<VenueResponse> {
    const venue = await this.venues.insert({
      name: dto.name,
      location: dto.location,
      city: dto.city ?? null,
      capacity: dto.capacity,
      timezone: dto.timezone ?? this.config.defaultVenueTimezone,
    });
    await this.cache.invalidate();
    return toVenueResponse(venue);
  }

  /** Inside a caller's transaction: the venue row locked, or 404. */
  async lockVenue(manager: EntityManager, id: number): Promise<Venue> {
    const venue = await this.venues.lockById(manager, id);
    if (!venue) throw venueNotFound(id);
    return venue;
  }

  updateVenueRow(manager: EntityManager, id: number, changes: Partial<NewVenue>): Promise<void> {
    return this.venues.update(manager, id, changes);
  }

  deleteVenueRow(manager: EntityManager, id: number): Promise<void> {
    return this.venues.deleteById(manager, id);
  }
}
