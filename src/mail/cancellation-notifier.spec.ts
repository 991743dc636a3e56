import { aggregateNotices, CancelledBookingNotice } from './cancellation-notifier';

const notice = (userId: number, showId: number, bookingId: number, seats: number) =>
  ({
    userId,
    bookingId,
    showId,
    showName: `Show ${showId}`,
    venueName: 'Hall',
    startsAt: '2026-12-05T14:00:00.000Z',
    timezone: 'Asia/Kolkata',
    seats,
  }) satisfies CancelledBookingNotice;

describe('aggregateNotices', () => {
  it('makes one notice per user and show, with the seats summed', () => {
    const rows = aggregateNotices([
      notice(1, 10, 100, 2),
      notice(1, 10, 101, 3),
      notice(2, 10, 102, 1),
      notice(1, 11, 103, 4),
    ]);
    expect(rows).toEqual([
      {
        userId: 1,
        payload: expect.objectContaining({ showId: 10, seats: 5, bookingIds: [100, 101] }),
      },
      { userId: 2, payload: expect.objectContaining({ showId: 10, seats: 1, bookingIds: [102] }) },
      { userId: 1, payload: expect.objectContaining({ showId: 11, seats: 4, bookingIds: [103] }) },
    ]);
  });
});
