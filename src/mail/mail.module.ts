import { Module } from '@nestjs/common';
import { CancellationNotifier } from './cancellation-notifier';

/** Emails and the sent-log. */
@Module({
  providers: [CancellationNotifier],
  exports: [CancellationNotifier],
})
export class MailModule {}
