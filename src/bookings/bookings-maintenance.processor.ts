import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { BOOKINGS_MAINTENANCE_QUEUE, PURGE_IDEMPOTENCY_KEYS_JOB } from './bookings-maintenance';
import { BookingsService } from './bookings.service';

/** Worker role only: deletes idempotency keys past IDEMPOTENCY_TTL_HOURS. */
@Processor(BOOKINGS_MAINTENANCE_QUEUE)
export class BookingsMaintenanceProcessor {
  private readonly logger = new Logger(BookingsMaintenanceProcessor.name);

  constructor(private readonly bookings: BookingsService) {}

  @Process(PURGE_IDEMPOTENCY_KEYS_JOB)
  async purge(): Promise<{ deleted: number }> {
    const deleted = await this.bookings.purgeExpiredIdempotencyKeys();
    if (deleted > 0) this.logger.log(`Deleted ${deleted} expired idempotency keys.`);
    return { deleted };
  }
}
