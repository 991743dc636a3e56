import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { BookingsModule } from '../bookings/bookings.module';
import { ExportsModule } from '../exports/exports.module';
import { ShowsModule } from '../shows/shows.module';
import { UsersModule } from '../users/users.module';
import { VenuesModule } from '../venues/venues.module';
import { LegacyAuthController } from './legacy-auth.controller';
import { LegacyBookingsController } from './legacy-bookings.controller';
import { LegacyCatalogController } from './legacy-catalog.controller';
import { LegacyCatalogService } from './legacy-catalog.service';
import { LegacyExportsController } from './legacy-exports.controller';

/**
 * The seed Flask app's routes, mapped onto the same services as the canonical routes (no second
 * implementation of any rule), deprecated under the `legacy` tag. See docs/legacy.md.
 */
@Module({
  imports: [AuthModule, UsersModule, VenuesModule, ShowsModule, BookingsModule, ExportsModule],
  controllers: [
    LegacyAuthController,
    LegacyCatalogController,
    LegacyBookingsController,
    LegacyExportsController,
  ],
  providers: [LegacyCatalogService],
})
export class CompatModule {}
