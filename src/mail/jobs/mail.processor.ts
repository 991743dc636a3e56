import { OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { MAIL_ATTEMPTS, MAIL_QUEUE, SEND_JOB, SendMailJob } from '../mail.constants';
import { DeliveryOutcome, MailService } from '../mail.service';

/** Worker side of the `mail` queue: one job, one email. */
@Processor(MAIL_QUEUE)
export class MailProcessor {
  private readonly logger = new Logger(MailProcessor.name);

  constructor(private readonly mail: MailService) {}

  @Process({ name: SEND_JOB, concurrency: 2 })
  send(job: Job<SendMailJob>): Promise<DeliveryOutcome> {
    return this.mail.deliver(job.data);
  }

  @OnQueueFailed()
  failed(job: Job<SendMailJob>, err: Error): void {
    const final = job.attemptsMade >= MAIL_ATTEMPTS;
    this.logger.warn(
      `Email ${job.id} failed (attempt ${job.attemptsMade}/${MAIL_ATTEMPTS}${final ? ', giving up until the sweeper retries it' : ''}): ${err.message}`,
    );
  }
}
