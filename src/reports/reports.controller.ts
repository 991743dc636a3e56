import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, AuthUser, CurrentUser } from '../common/decorators';
import { MonthlyReportQueryDto } from './dto/monthly-report-query.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /**
   * The caller's Monthly Entertainment Report as a PDF: bookings for shows in `month` with
   * totals, and the shows of the next 30 days. The same PDF the monthly email attaches.
   */
  @Get('monthly')
  @Authenticated()
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(400)
  async getMonthlyReport(
    @CurrentUser() caller: AuthUser,
    @Query() query: MonthlyReportQueryDto,
  ): Promise<StreamableFile> {
    const month = query.month ?? this.reports.defaultMonth();
    const { pdf, filename } = await this.reports.monthlyReportPdf(caller.id, month);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="${filename}"`,
      length: pdf.length,
    });
  }
}
