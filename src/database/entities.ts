import { RefreshToken } from '../auth/entities/refresh-token.entity';
import { Booking } from '../bookings/entities/booking.entity';
import { IdempotencyKey } from '../bookings/entities/idempotency-key.entity';
import { VenueExport } from '../exports/entities/export.entity';
import { Notification } from '../mail/entities/notification.entity';
import { Show } from '../shows/entities/show.entity';
import { User } from '../users/entities/user.entity';
import { Venue } from '../venues/entities/venue.entity';

/** Every entity, listed explicitly so the app, the CLI and the tests load the same set. */
export const ENTITIES = [
  User,
  RefreshToken,
  Venue,
  Show,
  Booking,
  IdempotencyKey,
  VenueExport,
  Notification,
];
