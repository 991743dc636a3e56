import { MailerModule } from '@nestjs-modules/mailer';
import { BullModule } from '@nestjs/bull';
import { Module, Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { workerOnly } from '../common/roles';
import { MailConfig, mailConfig } from '../config';
import { ReportsModule } from '../reports/reports.module';
import { UsersModule } from '../users/users.module';
import { CancellationNotifier } from './cancellation-notifier';
import { Notification } from './entities/notification.entity';
import { FanOutService } from './jobs/fan-out.service';
import { MailProcessor } from './jobs/mail.processor';
import { NotificationSweeper } from './jobs/notification.sweeper';
import { SchedulesCron } from './jobs/schedules.cron';
import { SchedulesProcessor } from './jobs/schedules.processor';
import { SchedulesService } from './jobs/schedules.service';
import { MailComposer } from './mail.composer';
import { MAIL_QUEUE, SCHEDULES_QUEUE } from './mail.constants';
import { MailQueue } from './mail.queue';
import { MailService } from './mail.service';
import { mailerOptions } from './mailer.options';
import { NotificationsRepository } from './notifications.repository';
import { RemindersRepository } from './reminders.repository';
import { FormBodyParser } from './unsubscribe/form-body.parser';
import { UnsubscribeController } from './unsubscribe/unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe/unsubscribe.service';
import { UnsubscribeTokens } from './unsubscribe/unsubscribe-token';

/**
 * Emails (daily reminder, monthly report, show cancelled), the sent-log, the `mail` and
 * `schedules` queues, their crons and the one-click unsubscribe. Processors, crons and the
 * sweeper run only in the worker role; the API role enqueues.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Notification]),
    BullModule.registerQueue({ name: MAIL_QUEUE }, { name: SCHEDULES_QUEUE }),
    MailerModule.forRootAsync({
      inject: [mailConfig.KEY],
      useFactory: (config: MailConfig) => mailerOptions(config),
    }),
    UsersModule,
    ReportsModule,
  ],
  controllers: [UnsubscribeController],
  providers: [
    CancellationNotifier,
    NotificationsRepository,
    RemindersRepository,
    MailQueue,
    MailComposer,
    MailService,
    SchedulesService,
    FanOutService,
    UnsubscribeTokens,
    UnsubscribeService,
    FormBodyParser,
    ...workerOnly<Provider>(MailProcessor, SchedulesProcessor, SchedulesCron, NotificationSweeper),
  ],
  exports: [CancellationNotifier, SchedulesService],
})
export class MailModule {}
