import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ListingCacheModule } from '../common/cache/listing-cache.module';
import { MailModule } from '../mail/mail.module';
import { VenuesModule } from '../venues/venues.module';
import { Show } from './entities/show.entity';
import { ShowSeatsRepository } from './show-seats.repository';
import { ShowSeatsService } from './show-seats.service';
import { ShowsController } from './shows.controller';
import { ShowsRepository } from './shows.repository';
import { ShowsService } from './shows.service';
import { VenueShowsController } from './venue-shows.controller';
import { VenueShowsService } from './venue-shows.service';

/** Shows (catalogue), and the venue use cases that reach shows. */
@Module({
  imports: [TypeOrmModule.forFeature([Show]), VenuesModule, MailModule, ListingCacheModule],
  controllers: [ShowsController, VenueShowsController],
  providers: [
    ShowsRepository,
    ShowsService,
    VenueShowsService,
    // The seat counter, used by bookings inside their transactions.
    ShowSeatsRepository,
    ShowSeatsService,
  ],
  exports: [ShowsService, VenueShowsService, ShowSeatsService],
})
export class ShowsModule {}
