import { Controller, Get, HttpCode, Post, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Admin, ApiProblems, AuthUser, Authenticated, CurrentUser } from '../common/decorators';
import { IdParam } from '../common/id-param';
import { ExportCreatedDto, ExportResponseDto } from './dto/export.response';
import { toExportCreated } from './exports.mapper';
import { ExportsService } from './exports.service';
import { UuidParam } from './uuid-param';

@ApiTags('exports')
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  /**
   * Start a CSV export of the venue (one row per show plus this month's totals). Answers at once;
   * a background job writes the file. Poll `GET /exports/{id}`, then download.
   */
  @Post('venues/:id/exports')
  @HttpCode(202)
  @Admin()
  @ApiProblems(400, 404, 503)
  async createVenueExport(
    @CurrentUser() user: AuthUser,
    @IdParam() venueId: number,
  ): Promise<ExportCreatedDto> {
    return toExportCreated(await this.exports.start(user, venueId));
  }

  /** Status and progress of an export (the requester or any admin; others get 404). */
  @Get('exports/:id')
  @Authenticated()
  @ApiProblems(400, 404)
  getExport(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<ExportResponseDto> {
    return this.exports.get(user, id);
  }

  /** The finished CSV as an attachment; 409 `EXPORT.NOT_READY` (with `exportStatus`) until done. */
  @Get('exports/:id/download')
  @Authenticated()
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file', schema: { type: 'string', format: 'binary' } })
  @ApiProblems(400, 404, 409)
  async downloadExport(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
  ): Promise<StreamableFile> {
    const file = await this.exports.openDownload(user, id);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.size,
    });
  }
}
