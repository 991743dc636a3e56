import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { AdminJobsController } from './admin-jobs.controller';

/** Operator actions that belong to no single domain (run a scheduled job now). */
@Module({
  imports: [MailModule],
  controllers: [AdminJobsController],
})
export class AdminModule {}
