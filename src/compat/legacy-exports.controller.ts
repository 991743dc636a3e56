import { Controller, Get, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { Admin, ApiProblems, AuthUser, Authenticated, CurrentUser } from '../common/decorators';
import { NotFoundError } from '../common/errors';
import { IdParam } from '../common/id-param';
import { ExportResponseDto } from '../exports/dto/export.response';
import { ExportsService } from '../exports/exports.service';
import { UuidParam } from '../exports/uuid-param';
import { Legacy } from './legacy.decorator';
import { LEGACY_TASK_STATE } from './legacy.mapper';

interface LegacyTask {
  Task_id: string;
  Task_state: string;
  Task_result: unknown;
}

interface LegacyTaskStatus {
  Task_ID: string;
  Task_State: string;
  Task_Result: unknown;
}

function taskResult(exp: ExportResponseDto): unknown {
  if (exp.status === 'done')
    return { rowCount: exp.rowCount, download: `/exports/${exp.id}/download` };
  if (exp.status === 'failed') return exp.error ?? 'failed';
  return { progress: exp.progress };
}

/** The seed's export flow (start, poll, download) on the export jobs. */
@Controller()
@Authenticated()
export class LegacyExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('export-csv-data/:venueid')
  @Admin()
  @Legacy("Start a venue's CSV export (seed)", 'POST /venues/{id}/exports')
  @ApiProblems(400, 404, 503)
  async legacyStartExport(
    @CurrentUser() user: AuthUser,
    @IdParam('venueid') venueId: number,
  ): Promise<LegacyTask> {
    const exp = await this.exports.start(user, venueId);
    return { Task_id: exp.id, Task_state: LEGACY_TASK_STATE[exp.status], Task_result: null };
  }

  /** States: PENDING, STARTED, SUCCESS, FAILURE. */
  @Get('status/:taskid')
  @Legacy('Export status (seed)', 'GET /exports/{id}')
  @ApiProblems(400, 404)
  async legacyGetExportStatus(
    @CurrentUser() user: AuthUser,
    @UuidParam('taskid') id: string,
  ): Promise<LegacyTaskStatus> {
    const exp = await this.exports.get(user, id);
    return {
      Task_ID: exp.id,
      Task_State: LEGACY_TASK_STATE[exp.status],
      Task_Result: taskResult(exp),
    };
  }

  /** The caller's most recent finished export. */
  @Get('download-csvexport')
  @Legacy('Download your latest export (seed)', 'GET /exports/{id}/download')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file', schema: { type: 'string', format: 'binary' } })
  @ApiProblems(404)
  async legacyDownloadExport(@CurrentUser() user: AuthUser): Promise<StreamableFile> {
    const latest = await this.exports.latestFinished(user);
    if (!latest) throw new NotFoundError('EXPORT.NONE', 'You have no finished export yet.');
    const file = await this.exports.openDownload(user, latest.id);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.size,
    });
  }
}
