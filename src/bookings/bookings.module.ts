import { Module } from '@nestjs/common';

/** Bookings. */
@Module({})
export class BookingsModule {}
