import { Module } from '@nestjs/common';

/** Shows (catalogue). */
@Module({})
export class ShowsModule {}
