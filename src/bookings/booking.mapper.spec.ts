import { restoreBookingResponse, toBookingResponse } from './booking.mapper';
import type { BookingRecord } from './booking.record';

const record: BookingRecord = {
  id: 7,
  userId: 3,
  showId: 11,
  seats: 3,
  unitPrice: 250,
  status: 'confirmed',
  createdAt: new Date('2026-12-03T10:00:00.000Z'),
  cancelledAt: null,
  show: {
    id: 11,
    name: 'Late Comedy',
    startsAt: new Date('2026-12-24T14:30:00.000Z'),
    endsAt: new Date('2026-12-24T16:30:00.000Z'),
    venue: { id: 2, name: 'Canvas', location: 'Bandra, Mumbai', timezone: 'Asia/Kolkata' },
  },
};

describe('booking mapper', () => {
  it('computes the total from the unit price paid and writes ISO instants', () => {
    expect(toBookingResponse(record)).toMatchObject({
      totalPrice: 750,
      createdAt: '2026-12-03T10:00:00.000Z',
      cancelledAt: null,
      show: { startsAt: '2026-12-24T14:30:00.000Z' },
    });
  });

  it('restores a stored body (keys reordered by jsonb) to the exact JSON first sent', () => {
    const sent = JSON.stringify(toBookingResponse(record));
    const jsonbOrder = JSON.parse(sent) as Record<string, unknown>;
    const shuffled = Object.fromEntries(Object.entries(jsonbOrder).reverse());
    expect(JSON.stringify(restoreBookingResponse(shuffled as never))).toBe(sent);
  });
});
