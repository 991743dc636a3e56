import type { AuthUser } from '../common/decorators';
import type { PageWindow } from './booking-read.repository';
import { BookingErrors } from './bookings.errors';

export interface BookingRequest {
  showId: number;
  seats: number;
}

/** Callers other than the controller (the legacy `/book`) may pass unvalidated numbers. */
export function assertBookable({ showId, seats }: BookingRequest, maxSeats: number): void {
  if (!Number.isInteger(showId) || showId < 1 || showId > 2_147_483_647) {
    throw BookingErrors.showNotFound(showId);
  }
  if (!Number.isInteger(seats) || seats < 1 || seats > maxSeats) {
    throw BookingErrors.badSeatCount(maxSeats);
  }
}

/** null: an admin, unrestricted; otherwise only the caller's own bookings. */
export function ownerRestriction(caller: AuthUser): number | null {
  return caller.role === 'admin' ? null : caller.id;
}

export function pageWindow(page: PageWindow): PageWindow {
  return { limit: page.limit, offset: page.offset };
}
