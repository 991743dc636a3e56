import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CachedListing } from '../common/cache/cache-listing.interceptor';
import { Admin, ApiProblems, Public } from '../common/decorators';
import { IdParam } from '../common/id-param';
import { CreateVenueDto, ListVenuesQueryDto } from './dto/venue.dto';
import { VenuePageResponse, VenueResponse } from './dto/venue.response';
import { VenuesService } from './venues.service';

/** Venue reads and creation; writes that reach shows are in VenueShowsController. */
@ApiTags('venues')
@Controller('venues')
export class VenuesController {
  constructor(private readonly venues: VenuesService) {}

  /** Venues by id; filter by `city` (exact, case-insensitive) or `q` (name or location). */
  @Public()
  @Get()
  @CachedListing(VenuePageResponse)
  @ApiProblems(400)
  listVenues(@Query() query: ListVenuesQueryDto): Promise<VenuePageResponse> {
    return this.venues.listVenues(query);
  }

  /** One venue. */
  @Public()
  @Get(':id')
  @CachedListing(VenueResponse)
  @ApiProblems(400, 404)
  getVenue(@IdParam() id: number): Promise<VenueResponse> {
    return this.venues.getVenueResponse(id);
  }

  /** Creates a venue; `timezone` defaults to DEFAULT_VENUE_TIMEZONE. */
  @Admin()
  @Post()
  @HttpCode(201)
  @ApiProblems(400)
  createVenue(@Body() dto: CreateVenueDto): Promise<VenueResponse> {
    return this.venues.createVenue(dto);
  }
}
