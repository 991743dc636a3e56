import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ListingCache } from '../common/cache/listing-cache.service';
import { Page } from '../common/pagination/pagination.dto';
import { CancellationNotifier } from '../mail/cancellation-notifier';
import { ListVenuesQueryDto, UpdateVenueDto } from '../venues/dto/venue.dto';
import { VenueResponse } from '../venues/dto/venue.response';
import { toVenueResponse } from '../venues/venue.mapper';
import { VenuesService } from '../venues/venues.service';
import { ListVenueShowsQueryDto } from './dto/show.dto';
import { ShowResponse, VenueWithShowsResponse } from './dto/show.response';
import { capacityBelowBooked } from './shows.errors';
import { ShowsRepository } from './shows.repository';
import { ShowsService } from './shows.service';

/** Venue use cases that reach the venue's shows: capacity carry-over, delete, grouped listing. */
@Injectable()
export class VenueShowsService {
  constructor(
    private readonly venues: VenuesService,
    private readonly shows: ShowsService,
    private readonly showsRepo: ShowsRepository,
    private readonly dataSource: DataSource,
    private readonly cache: ListingCache,
    private readonly notifier: CancellationNotifier,
  ) {}

  async listVenueShows(
    venueId: number,
    query: ListVenueShowsQueryDto,
  ): Promise<Page<ShowResponse>> {
    await this.venues.getVenue(venueId);
    return this.shows.listShows({ ...query, venueId });
  }

  /** A page of venues, each with its upcoming shows: two queries whatever the page size. */
  async listVenuesWithShows(query: ListVenuesQueryDto): Promise<Page<VenueWithShowsResponse>> {
    const [venues, total] = await this.venues.findPage(query);
    const shows = await this.shows.upcomingByVenues(venues);
    const items = venues.map((v) => ({ ...toVenueResponse(v), shows: shows.get(v.id) ?? [] }));
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /**
   * Partial update. A capacity change carries to the venue's upcoming shows in the same
   * transaction and is refused (409) if any of them has more seats booked than the new capacity.
   */
  async updateVenue(id: number, dto: UpdateVenueDto): Promise<VenueResponse> {
    await this.dataSource.transaction(async (manager) => {
      const venue = await this.venues.lockVenue(manager, id);
      if (dto.capacity !== undefined && dto.capacity !== venue.capacity) {
        const upcoming = await this.showsRepo.lockUpcomingByVenue(manager, id);
        const over = upcoming.find((s) => s.seatsBooked > (dto.capacity ?? 0));
        if (over) throw capacityBelowBooked(over.id, over.seatsBooked);
        await this.showsRepo.setCapacityOfUpcoming(manager, id, dto.capacity);
      }
      await this.venues.updateVenueRow(manager, id, { ...dto });
    });
    await this.cache.invalidate();
    return this.venues.getVenueResponse(id);
  }

  /** Deletes the venue, its shows and their bookings in one transaction; users get notices. */
  async deleteVenue(id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.venues.lockVenue(manager, id);
      await this.showsRepo.lockAllByVenue(manager, id);
      const notices = await this.showsRepo.findCancellationNotices(manager, { venueId: id });
      await this.notifier.record(manager, notices);
      await this.venues.deleteVenueRow(manager, id);
    });
    await this.shows.afterDelete();
  }
}
