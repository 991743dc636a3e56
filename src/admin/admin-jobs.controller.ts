import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Admin, ApiProblems } from '../common/decorators';
import { NotFoundError } from '../common/errors';
import { SchedulesService } from '../mail/jobs/schedules.service';
import { isScheduledJob, SCHEDULED_JOBS } from '../mail/mail.constants';
import { JobRunDto } from './dto/job-run.dto';

@ApiTags('admin')
@Controller('admin/jobs')
export class AdminJobsController {
  constructor(private readonly schedules: SchedulesService) {}

  /**
   * Runs a scheduled job now (the same fan-out the cron enqueues). Nobody gets a second email
   * for the same period, however often it runs.
   */
  @Post(':name/run')
  @HttpCode(202)
  @Admin()
  @ApiParam({ name: 'name', enum: SCHEDULED_JOBS })
  @ApiAcceptedResponse({ description: 'The run is queued', type: JobRunDto })
  @ApiProblems(404, 503)
  runJob(@Param('name') name: string): Promise<JobRunDto> {
    if (!isScheduledJob(name)) {
      throw new NotFoundError(
        'ADMIN.JOB_NOT_FOUND',
        `No job named "${name}". Use ${SCHEDULED_JOBS.join(' or ')}.`,
      );
    }
    return this.schedules.runNow(name);
  }
}
