import { MailerOptions } from '@nestjs-modules/mailer';
import { HandlebarsAdapter } from '@nestjs-modules/mailer/adapters/handlebars.adapter';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import type { MailConfig } from '../config';
import { TEMPLATE_HELPERS } from './template-helpers';
import { findTemplatesDir } from './templates';

/**
 * SMTP from SMTP_URL with every wait bounded by SMTP_TIMEOUT_MS, so a dead or silent server
 * fails the send (and the job retries) long before Bull's 30 s job lock could lapse.
 */
export function mailerOptions(config: MailConfig): MailerOptions {
  const timeout = config.timeoutMs;
  return {
    transport: {
      // Not `{ url, ...timeouts }`: nodemailer's createTransport keeps only the URL's options
      // when given `url` and silently drops the rest (the 30 s greeting default came back).
      ...parseConnectionUrl(config.smtpUrl),
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      dnsTimeout: timeout,
    },
    defaults: { from: config.from },
    template: {
      dir: findTemplatesDir(),
      adapter: new HandlebarsAdapter(TEMPLATE_HELPERS, { inlineCssEnabled: true }),
    },
    options: { layout: 'layout' },
  };
}
