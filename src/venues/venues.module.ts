import { Module } from '@nestjs/common';

/** Venues (catalogue). */
@Module({})
export class VenuesModule {}
