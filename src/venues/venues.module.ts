import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ListingCacheModule } from '../common/cache/listing-cache.module';
import { Venue } from './entities/venue.entity';
import { VenuesController } from './venues.controller';
import { VenuesRepository } from './venues.repository';
import { VenuesService } from './venues.service';

/** Venues (catalogue). A leaf module: other domains import it for VenuesService. */
@Module({
  imports: [TypeOrmModule.forFeature([Venue]), ListingCacheModule],
  controllers: [VenuesController],
  providers: [VenuesRepository, VenuesService],
  exports: [VenuesService],
})
export class VenuesModule {}
