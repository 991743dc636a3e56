import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../common/decorators';
import { DomainError } from '../common/errors';
import { Page } from '../common/pagination/pagination.dto';
import { BookingConfig, bookingConfig } from '../config';
import { ShowSeatsService } from '../shows/show-seats.service';
import { BookingFilter, BookingReadRepository, PageWindow } from './booking-read.repository';
import { toBookingResponse } from './booking.mapper';
import { BookingErrors } from './bookings.errors';
import { BookingsRepository } from './bookings.repository';
import { assertBookable, BookingRequest, ownerRestriction, pageWindow } from './booking-rules';
import { retryOnDeadlock } from './deadlock-retry';
import { BookingResponse } from './dto/booking.response';
import type { BookingResult } from './idempotency';
import type { BookingStatus } from './entities/booking.entity';
import { bookingRequestHash, replay } from './idempotency';
import { IdempotencyRepository } from './idempotency.repository';

export type { BookingRequest };

/** What to answer: a replay carries the first response's status and body. */
export type { BookingResult } from './idempotency';

export interface BookingListFilter {
  username?: string;
  showId?: number;
  date?: string;
  status?: BookingStatus;
}

const PURGE_BATCH = 5_000;

/**
 * Booking, cancelling and reading bookings. The guarantee (never more seats than capacity) is
 * the conditional update in ShowSeatsService, inside the transaction opened here; see
 * docs/bookings.md.
 */
@Injectable()
export class BookingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(bookingConfig.KEY) private readonly config: BookingConfig,
    private readonly seats: ShowSeatsService,
    private readonly bookings: BookingsRepository,
    private readonly reads: BookingReadRepository,
    private readonly keys: IdempotencyRepository,
  ) {}

  /**
   * Books seats for the caller in one transaction. With an `idempotencyKey`, a retry (same key,
   * same request) returns the first response without booking again, and a duplicate sent while
   * the first is in flight waits for it and replays it.
   */
  async book(
    user: AuthUser,
    request: BookingRequest,
    idempotencyKey?: string,
  ): Promise<BookingResult> {
    assertBookable(request, this.config.maxSeatsPerBooking);
    // READ COMMITTED on purpose: each statement must see what committed before it (the cap).
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      if (idempotencyKey !== undefined) {
        const hash = bookingRequestHash(request);
        const ttl = this.config.idempotencyTtlHours;
        if (!(await this.keys.claim(manager, user.id, idempotencyKey, hash, ttl))) {
          return replay(await this.keys.find(manager, user.id, idempotencyKey), hash);
        }
      }
      const body = await this.reserveAndRecord(manager, user.id, request);
      if (idempotencyKey !== undefined) {
        await this.keys.saveResponse(manager, user.id, idempotencyKey, 201, body);
      }
      return { status: 201, body, replayed: false };
    });
  }

  /** Owner or admin, before the show starts; the seats go back exactly once. */
  async cancel(caller: AuthUser, bookingId: number): Promise<BookingResponse> {
    const ownerId = ownerRestriction(caller);
    return retryOnDeadlock(() =>
      this.dataSource.transaction('READ COMMITTED', async (manager) => {
        const cancelled = await this.bookings.cancelConfirmed(manager, bookingId, ownerId);
        if (!cancelled) throw await this.cancelRefusal(manager, bookingId, ownerId);
        await this.seats.release(manager, cancelled.showId, cancelled.seats);
        const record = await this.reads.findOne(bookingId, null, manager);
        if (!record) throw BookingErrors.notFound(bookingId);
        return toBookingResponse(record);
      }),
    );
  }

  /** The caller's bookings; an admin's list covers everyone and may filter by `username`. */
  async list(
    caller: AuthUser,
    filter: BookingListFilter,
    page: PageWindow,
  ): Promise<Page<BookingResponse>> {
    const where: BookingFilter = { ...filter };
    if (caller.role !== 'admin') where.ownerId = caller.id;
    const [records, total] = await this.reads.findPage(where, page);
    return { items: records.map(toBookingResponse), total, ...pageWindow(page) };
  }

  /** `username`'s bookings for that user or an admin; anyone else gets the same 404 as a stranger. */
  async listForUsername(
    caller: AuthUser,
    username: string,
    page: PageWindow,
  ): Promise<Page<BookingResponse>> {
    const found = await this.reads.findUserBookingTotal(username, ownerRestriction(caller));
    if (!found) throw BookingErrors.userNotFound(username);
    const records =
      found.total > page.offset ? await this.reads.findItems({ ownerId: found.userId }, page) : [];
    return { items: records.map(toBookingResponse), total: found.total, ...pageWindow(page) };
  }

  /** Owner or admin; anyone else gets 404. */
  async get(caller: AuthUser, bookingId: number): Promise<BookingResponse> {
    const record = await this.reads.findOne(bookingId, ownerRestriction(caller));
    if (!record) throw BookingErrors.notFound(bookingId);
    return toBookingResponse(record);
  }

  /** Deletes idempotency keys past IDEMPOTENCY_TTL_HOURS; returns how many. */
  async purgeExpiredIdempotencyKeys(): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await this.keys.deleteExpired(PURGE_BATCH);
      total += deleted;
      if (deleted < PURGE_BATCH) return total;
    }
  }

  private async reserveAndRecord(
    manager: EntityManager,
    userId: number,
    { showId, seats }: BookingRequest,
  ): Promise<BookingResponse> {
    const reservation = await this.seats.reserve(manager, showId, seats);
    switch (reservation.status) {
      case 'not_found':
        throw BookingErrors.showNotFound(showId);
      case 'started':
        throw BookingErrors.showStarted();
      case 'insufficient':
        throw BookingErrors.insufficientSeats(reservation.seatsAvailable);
      case 'reserved':
        break;
    }
    const { show } = reservation;
    const maxHeld = this.config.maxSeatsPerUserPerShow;
    const outcome = await this.bookings.insertWithinUserCap(manager, {
      userId,
      showId,
      seats,
      unitPrice: show.price,
      maxHeld,
    });
    // Throwing rolls the reservation back with the transaction.
    if (!outcome.booking) throw BookingErrors.userLimit(maxHeld, outcome.held);
    const { id, createdAt } = outcome.booking;
    return toBookingResponse({
      id,
      userId,
      showId,
      seats,
      unitPrice: show.price,
      status: 'confirmed',
      createdAt,
      cancelledAt: null,
      show,
    });
  }

  private async cancelRefusal(
    manager: EntityManager,
    bookingId: number,
    ownerId: number | null,
  ): Promise<DomainError> {
    const state = await this.bookings.findCancelState(manager, bookingId, ownerId);
    if (!state) return BookingErrors.notFound(bookingId);
    if (state.status === 'cancelled') return BookingErrors.alreadyCancelled(bookingId);
    return BookingErrors.showStarted();
  }
}
