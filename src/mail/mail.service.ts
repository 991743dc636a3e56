import { MailerService } from '@nestjs-modules/mailer';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, appConfig, MailConfig, mailConfig } from '../config';
import { UsersService } from '../users/users.service';
import type { UserSummary } from '../users/users.types';
import { ComposedEmail, MailComposer } from './mail.composer';
import type { SendMailJob } from './mail.constants';
import { withTimeout } from './mail.queue';
import { NotificationsRepository } from './notifications.repository';
import { findTemplatesDir, TextTemplates } from './templates';
import { UnsubscribeTokens } from './unsubscribe/unsubscribe-token';

export type DeliveryOutcome = 'sent' | 'already-handled' | 'not-applicable';

const UNSUBSCRIBE_WHAT = {
  reminders: 'daily reminders',
  reports: 'monthly reports',
  all: 'reminders and reports',
} as const;

const FOOTER_REASON = {
  'daily-reminder': 'Daily reminders are on in your email preferences.',
  'monthly-report': 'Monthly reports are on in your email preferences.',
  'show-cancelled': 'We always tell you when a show you booked is cancelled.',
} as const;

/**
 * Sends one email exactly once (intent): the notifications row is written before the send and
 * marked sent after, under a row lock so a retried job or a second worker skips it.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);
  private readonly text = new TextTemplates(findTemplatesDir());

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsRepository,
    private readonly composer: MailComposer,
    private readonly users: UsersService,
    private readonly mailer: MailerService,
    private readonly tokens: UnsubscribeTokens,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
    @Inject(mailConfig.KEY) private readonly mail: MailConfig,
  ) {}

  async deliver(job: SendMailJob): Promise<DeliveryOutcome> {
    // Show-cancelled rows are written by the catalogue's transaction; the others here, first.
    if (job.kind !== 'show-cancelled') await this.notifications.insertPendingIfMissing(job);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.notifications.lockPending(manager, job);
      if (!row) return 'already-handled';
      const user = await this.users.findById(job.userId);
      const email = user && (await this.composer.compose(job, user, row.payload));
      if (!user || !email) {
        await this.notifications.deletePending(manager, row.id);
        return 'not-applicable';
      }
      await this.send(user, job, email);
      await this.notifications.markSent(manager, row.id);
      return 'sent';
    });
  }

  private async send(user: UserSummary, job: SendMailJob, email: ComposedEmail): Promise<void> {
    const token = this.tokens.sign({ userId: user.id, scope: email.unsubscribe });
    const unsubscribeUrl = `${this.app.appUrl}/unsubscribe?token=${token}`;
    const context = {
      ...email.context,
      subject: email.subject,
      name: user.username,
      appUrl: this.app.appUrl,
      browseUrl: `${this.app.appUrl}/shows`,
      unsubscribeUrl,
      unsubscribeWhat: UNSUBSCRIBE_WHAT[email.unsubscribe],
      footerReason: FOOTER_REASON[job.kind],
    };
    const sending = this.mailer.sendMail({
      to: { name: user.username, address: user.email },
      subject: email.subject,
      template: email.template,
      context,
      text: this.text.render(email.template, context),
      attachments: email.attachments,
      headers: {
        'List-Unsubscribe': `<${unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    // Each SMTP phase is bounded by the transport's timeouts; this bounds the whole exchange.
    await withTimeout(sending, this.mail.timeoutMs * 2, 'SMTP send');
    this.logger.log(`Sent ${job.kind}:${job.period} to user ${user.id}`);
  }
}
