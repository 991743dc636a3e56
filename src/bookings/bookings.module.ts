import { BullModule } from '@nestjs/bull';
import { Module, Provider } from '@nestjs/common';
import { workerOnly } from '../common/roles';
import { ShowsModule } from '../shows/shows.module';
import { BookingReadRepository } from './booking-read.repository';
import { BOOKINGS_MAINTENANCE_QUEUE } from './bookings-maintenance';
import { BookingsMaintenanceProcessor } from './bookings-maintenance.processor';
import { BookingsMaintenanceScheduler } from './bookings-maintenance.scheduler';
import { BookingsController } from './bookings.controller';
import { BookingsRepository } from './bookings.repository';
import { BookingsService } from './bookings.service';
import { IdempotencyRepository } from './idempotency.repository';
import { UserBookingsController } from './user-bookings.controller';

/** Bookings: seats that never oversell, idempotent retries, cancellation. See docs/bookings.md. */
@Module({
  imports: [ShowsModule, BullModule.registerQueue({ name: BOOKINGS_MAINTENANCE_QUEUE })],
  controllers: [BookingsController, UserBookingsController],
  providers: [
    BookingsService,
    BookingsRepository,
    BookingReadRepository,
    IdempotencyRepository,
    ...workerOnly<Provider>(BookingsMaintenanceScheduler, BookingsMaintenanceProcessor),
  ],
  exports: [BookingsService],
})
export class BookingsModule {}
