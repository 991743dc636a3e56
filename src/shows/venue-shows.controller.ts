import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CachedListing } from '../common/cache/cache-listing.interceptor';
import { Admin, ApiProblems, Public } from '../common/decorators';
import { IdParam } from '../common/id-param';
import { ListVenuesQueryDto, UpdateVenueDto } from '../venues/dto/venue.dto';
import { VenueResponse } from '../venues/dto/venue.response';
import { CreateShowDto, ListVenueShowsQueryDto } from './dto/show.dto';
import { ShowPageResponse, ShowResponse, VenueWithShowsPageResponse } from './dto/show.response';
import { ShowsService } from './shows.service';
import { VenueShowsService } from './venue-shows.service';

/** Venue routes that reach the venue's shows (they live here so VenuesModule stays a leaf). */
@ApiTags('venues')
@Controller()
export class VenueShowsController {
  constructor(
    private readonly venueShows: VenueShowsService,
    private readonly shows: ShowsService,
  ) {}

  /** That venue's shows (same filters as GET /shows). */
  @Public()
  @Get('venues/:id/shows')
  @CachedListing(ShowPageResponse)
  @ApiProblems(400, 404)
  listVenueShows(
    @IdParam() id: number,
    @Query() query: ListVenueShowsQueryDto,
  ): Promise<ShowPageResponse> {
    return this.venueShows.listVenueShows(id, query);
  }

  /** Venues (same filters as GET /venues), each with its upcoming shows. */
  @Public()
  @Get('venue-shows')
  @CachedListing(VenueWithShowsPageResponse)
  @ApiProblems(400)
  listVenuesWithShows(@Query() query: ListVenuesQueryDto): Promise<VenueWithShowsPageResponse> {
    return this.venueShows.listVenuesWithShows(query);
  }

  /** Partial update; a capacity change carries to upcoming shows (409 if one has more booked). */
  @Admin()
  @Patch('venues/:id')
  @ApiProblems(400, 404, 409)
  updateVenue(@IdParam() id: number, @Body() dto: UpdateVenueDto): Promise<VenueResponse> {
    return this.venueShows.updateVenue(id, dto);
  }

  /** Deletes the venue, its shows and their bookings; affected users are told by email. */
  @Admin()
  @Delete('venues/:id')
  @HttpCode(204)
  @ApiProblems(400, 404)
  deleteVenue(@IdParam() id: number): Promise<void> {
    return this.venueShows.deleteVenue(id);
  }

  /** Adds a show; times without an offset are the venue's local time. */
  @Admin()
  @Post('venues/:id/shows')
  @HttpCode(201)
  @ApiProblems(400, 404)
  createShow(@IdParam() id: number, @Body() dto: CreateShowDto): Promise<ShowResponse> {
    return this.shows.createShow(id, dto);
  }
}
