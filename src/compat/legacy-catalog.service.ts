import { Injectable } from '@nestjs/common';
import { ValidationError } from '../common/errors';
import { ListShowsQueryDto } from '../shows/dto/show.dto';
import { ShowsService } from '../shows/shows.service';
import { parseZonedDateTime } from '../common/zoned-time';
import { ListVenuesQueryDto } from '../venues/dto/venue.dto';
import { VenuesService } from '../venues/venues.service';
import { LegacyAddShowDto } from './dto/legacy-catalog.dto';
import { collectAll } from './legacy-pages';
import {
  LegacyGenreShow,
  LegacyShow,
  LegacyVenue,
  toLegacyGenreShow,
  toLegacyShow,
  toLegacyVenue,
} from './legacy.mapper';

/** The seed had no end time: a show added through it lasts this long. */
export const LEGACY_SHOW_DURATION_MS = 3 * 3_600_000;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The seed's whole-list reads and its date-in-parts show form, on the canonical services. */
@Injectable()
export class LegacyCatalogService {
  constructor(
    private readonly shows: ShowsService,
    private readonly venues: VenuesService,
  ) {}

  async allShows(upcomingOnly: boolean): Promise<LegacyShow[]> {
    const from = upcomingOnly ? new Date().toISOString() : undefined;
    const shows = await collectAll((page) => this.shows.listShows(showQuery({ ...page, from })));
    return shows.map(toLegacyShow);
  }

  async upcomingByGenre(genre: string): Promise<LegacyGenreShow[]> {
    const from = new Date().toISOString();
    const shows = await collectAll((page) =>
      this.shows.listShows(showQuery({ ...page, from, genre })),
    );
    return shows.map(toLegacyGenreShow);
  }

  async allVenues(): Promise<LegacyVenue[]> {
    const venues = await collectAll((page) =>
      this.venues.listVenues(Object.assign(new ListVenuesQueryDto(), page)),
    );
    return venues.map(toLegacyVenue);
  }

  async showIdsByVenue(): Promise<Record<string, number[]>> {
    const [venues, shows] = await Promise.all([
      this.allVenues(),
      collectAll((page) => this.shows.listShows(showQuery(page))),
    ]);
    const byVenue: Record<string, number[]> = {};
    for (const v of venues) byVenue[String(v.id)] = [];
    for (const s of shows) (byVenue[String(s.venueId)] ??= []).push(s.id);
    return byVenue;
  }

  /** The start is a wall-clock time in the venue's zone; an impossible date is a 400. */
  async addShow(venueId: number, dto: LegacyAddShowDto): Promise<void> {
    const venue = await this.venues.getVenue(venueId);
    const { year, month, date, hours, minutes } = dto;
    const probe = new Date(Date.UTC(year, month - 1, date));
    if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== date) {
      throw new ValidationError([
        { field: 'date', message: `${year}-${pad(month)}-${pad(date)} is not a calendar date` },
      ]);
    }
    const local = `${year}-${pad(month)}-${pad(date)}T${pad(hours)}:${pad(minutes)}:00`;
    const startsAt = parseZonedDateTime(local, venue.timezone);
    await this.shows.createShow(venueId, {
      name: dto.name,
      language: dto.language,
      genre: dto.genre,
      rating: dto.rating,
      price: dto.ticketprice,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + LEGACY_SHOW_DURATION_MS).toISOString(),
    });
  }
}

function showQuery(fields: Partial<ListShowsQueryDto>): ListShowsQueryDto {
  return Object.assign(new ListShowsQueryDto(), fields);
}
