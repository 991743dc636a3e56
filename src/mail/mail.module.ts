import { Module } from '@nestjs/common';

/** Emails and the sent-log. */
@Module({})
export class MailModule {}
