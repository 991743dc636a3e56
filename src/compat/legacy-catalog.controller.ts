import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Admin, ApiProblems, Authenticated } from '../common/decorators';
import { IdParam } from '../common/id-param';
import { ShowsService } from '../shows/shows.service';
import { VenueShowsService } from '../shows/venue-shows.service';
import { VenuesService } from '../venues/venues.service';
import {
  LegacyAddShowDto,
  LegacyEditShowPartialDto,
  LegacyEditVenueDto,
  LegacyVenueDto,
} from './dto/legacy-catalog.dto';
import { LegacyCatalogService } from './legacy-catalog.service';
import { Legacy } from './legacy.decorator';
import {
  LegacyGenreShow,
  LegacyShow,
  LegacyVenue,
  toLegacyShow,
  toLegacyVenue,
} from './legacy.mapper';

type Empty = Record<string, never>;

/** A partial update names only what the client sent. */
function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

/** The seed's catalogue routes; every one needs a token, writes need the admin role. */
@Controller()
@Authenticated()
export class LegacyCatalogController {
  constructor(
    private readonly catalog: LegacyCatalogService,
    private readonly shows: ShowsService,
    private readonly venues: VenuesService,
    private readonly venueShows: VenueShowsService,
  ) {}

  @Get('getallshows')
  @Legacy('All shows (seed)', 'GET /shows')
  legacyListShows(): Promise<LegacyShow[]> {
    return this.catalog.allShows(false);
  }

  /** Shows that have not started yet. */
  @Get('getallshowstoday')
  @Legacy('Upcoming shows (seed)', 'GET /shows?from=<now>')
  legacyListUpcomingShows(): Promise<LegacyShow[]> {
    return this.catalog.allShows(true);
  }

  @Get('getshows/:genre')
  @Legacy('Upcoming shows of a genre (seed)', 'GET /shows?genre=<genre>&from=<now>')
  legacyListShowsByGenre(@Param('genre') genre: string): Promise<LegacyGenreShow[]> {
    return this.catalog.upcomingByGenre(genre);
  }

  @Get('getshow/:showid')
  @Legacy('One show (seed)', 'GET /shows/{id}')
  @ApiProblems(400, 404)
  async legacyGetShow(@IdParam('showid') id: number): Promise<LegacyShow> {
    return toLegacyShow(await this.shows.getShow(id));
  }

  @Get('getvenue/:venueid')
  @Legacy('One venue (seed)', 'GET /venues/{id}')
  @ApiProblems(400, 404)
  async legacyGetVenue(@IdParam('venueid') id: number): Promise<LegacyVenue> {
    return toLegacyVenue(await this.venues.getVenueResponse(id));
  }

  @Get('getallvenues')
  @Legacy('All venues (seed)', 'GET /venues')
  legacyListVenues(): Promise<LegacyVenue[]> {
    return this.catalog.allVenues();
  }

  /** `{"<venueId>": [showId, …]}` for every venue. */
  @Get('getallvenueshows')
  @Legacy('Show ids by venue (seed)', 'GET /venue-shows')
  legacyListVenueShowIds(): Promise<Record<string, number[]>> {
    return this.catalog.showIdsByVenue();
  }

  @Post('addvenue')
  @HttpCode(200)
  @Admin()
  @Legacy('Add a venue (seed)', 'POST /venues')
  @ApiProblems(400)
  async legacyAddVenue(@Body() dto: LegacyVenueDto): Promise<Empty> {
    await this.venues.createVenue({ name: dto.name, location: dto.location, capacity: dto.seats });
    return {};
  }

  @Post('editvenue/:venueid')
  @HttpCode(200)
  @Admin()
  @Legacy('Edit a venue (seed)', 'PATCH /venues/{id}')
  @ApiProblems(400, 404, 409)
  async legacyEditVenue(
    @IdParam('venueid') id: number,
    @Body() dto: LegacyEditVenueDto,
  ): Promise<Empty> {
    await this.venueShows.updateVenue(
      id,
      definedOnly({ name: dto.name, location: dto.location, capacity: dto.seats }),
    );
    return {};
  }

  @Delete('deletevenue/:venueid')
  @Admin()
  @Legacy('Delete a venue with its shows and bookings (seed)', 'DELETE /venues/{id}')
  @ApiProblems(400, 404)
  async legacyDeleteVenue(@IdParam('venueid') id: number): Promise<Empty> {
    await this.venueShows.deleteVenue(id);
    return {};
  }

  /** 400 on an impossible date, a rating outside 0–10 or a negative price. */
  @Post('addshow/:venueid')
  @HttpCode(200)
  @Admin()
  @Legacy('Add a show (seed)', 'POST /venues/{id}/shows')
  @ApiProblems(400, 404)
  async legacyAddShow(
    @IdParam('venueid') venueId: number,
    @Body() dto: LegacyAddShowDto,
  ): Promise<Empty> {
    await this.catalog.addShow(venueId, dto);
    return {};
  }

  @Post('editshow/:showid')
  @HttpCode(200)
  @Admin()
  @Legacy('Edit a show (seed)', 'PATCH /shows/{id}')
  @ApiProblems(400, 404)
  async legacyEditShow(
    @IdParam('showid') id: number,
    @Body() dto: LegacyEditShowPartialDto,
  ): Promise<Empty> {
    const { ticketprice, ...rest } = dto;
    await this.shows.updateShow(id, definedOnly({ ...rest, price: ticketprice }));
    return {};
  }

  @Delete('deleteshow/:showid')
  @Admin()
  @Legacy('Delete a show with its bookings (seed)', 'DELETE /shows/{id}')
  @ApiProblems(400, 404)
  async legacyDeleteShow(@IdParam('showid') id: number): Promise<Empty> {
    await this.shows.deleteShow(id);
    return {};
  }
}
