import { Module } from '@nestjs/common';

/** Monthly PDF reports. */
@Module({})
export class ReportsModule {}
