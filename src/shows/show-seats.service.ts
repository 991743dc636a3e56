import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ReservedShow, ShowSeatsRepository } from './show-seats.repository';

export type { ReservedShow } from './show-seats.repository';

/** The outcome of a reservation; the booking domain turns the failures into its errors. */
export type SeatReservation =
  | { status: 'reserved'; show: ReservedShow }
  | { status: 'not_found' }
  | { status: 'started' }
  | { status: 'insufficient'; seatsAvailable: number };

/** How often a reservation is retried when seats were freed between update and diagnosis. */
const ATTEMPTS = 3;

/**
 * The seat counter of a show, for the bookings domain. Both methods must run inside the
 * caller's transaction (pass its EntityManager) so that the counter and the booking rows commit
 * or roll back together.
 */
@Injectable()
export class ShowSeatsService {
  constructor(private readonly repo: ShowSeatsRepository) {}

  /**
   * Reserves `seats` on a show that has not started. On success the show's row stays locked
   * until the caller's transaction ends: a later statement in that transaction sees every
   * booking of this show committed before it.
   */
  async reserve(manager: EntityManager, showId: number, seats: number): Promise<SeatReservation> {
    let seatsAvailable = 0;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const show = await this.repo.reserve(manager, showId, seats);
      if (show) return { status: 'reserved', show };
      const state = await this.repo.findSeatState(manager, showId);
      if (!state) return { status: 'not_found' };
      if (state.started) return { status: 'started' };
      seatsAvailable = Math.max(0, state.seatsAvailable);
      if (seatsAvailable < seats) return { status: 'insufficient', seatsAvailable };
      // A cancellation freed seats between the two statements: the update may succeed now.
    }
    return { status: 'insufficient', seatsAvailable };
  }

  /**
   * Returns seats of a cancelled booking. Throws if the counter does not hold them, which would
   * mean the ledger is already wrong: the caller's transaction must then roll back.
   */
  async release(manager: EntityManager, showId: number, seats: number): Promise<void> {
    if (!(await this.repo.release(manager, showId, seats))) {
      throw new Error(`Show ${showId} does not hold ${seats} booked seats to release`);
    }
  }
}
