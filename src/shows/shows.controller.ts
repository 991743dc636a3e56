import { Body, Controller, Delete, Get, HttpCode, Patch, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CachedListing } from '../common/cache/cache-listing.interceptor';
import { Admin, ApiProblems, Public } from '../common/decorators';
import { IdParam } from '../common/id-param';
import { ListShowsQueryDto, UpdateShowDto } from './dto/show.dto';
import { ShowPageResponse, ShowResponse } from './dto/show.response';
import { ShowsService } from './shows.service';

@ApiTags('shows')
@Controller('shows')
export class ShowsController {
  constructor(private readonly shows: ShowsService) {}

  /**
   * Shows by start time, then id. `date` (YYYY-MM-DD) is that calendar day in each venue's own
   * time zone; `from`/`to` bound the start instant. Seat counts may lag by CACHE_TTL_SECONDS.
   */
  @Public()
  @Get()
  @CachedListing(ShowPageResponse)
  @ApiProblems(400)
  listShows(@Query() query: ListShowsQueryDto): Promise<ShowPageResponse> {
    return this.shows.listShows(query);
  }

  /** One show with live `seatsAvailable` (never cached). */
  @Public()
  @Get(':id')
  @ApiProblems(400, 404)
  getShow(@IdParam() id: number): Promise<ShowResponse> {
    return this.shows.getShow(id);
  }

  /** Partial update; capacity cannot drop below seats already booked (409). */
  @Admin()
  @Patch(':id')
  @ApiProblems(400, 404, 409)
  updateShow(@IdParam() id: number, @Body() dto: UpdateShowDto): Promise<ShowResponse> {
    return this.shows.updateShow(id, dto);
  }

  /** Deletes the show and its bookings; affected users are told by email. */
  @Admin()
  @Delete(':id')
  @HttpCode(204)
  @ApiProblems(400, 404)
  deleteShow(@IdParam() id: number): Promise<void> {
    return this.shows.deleteShow(id);
  }
}
