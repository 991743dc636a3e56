import { Module } from '@nestjs/common';
import { ShowSeatsRepository } from './show-seats.repository';
import { ShowSeatsService } from './show-seats.service';

/** Shows (catalogue). */
@Module({
  // The seat counter, used by bookings inside their transactions.
  providers: [ShowSeatsRepository, ShowSeatsService],
  exports: [ShowSeatsService],
})
export class ShowsModule {}
