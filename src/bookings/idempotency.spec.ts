import { bookingRequestHash, isValidIdempotencyKey } from './idempotency';

describe('isValidIdempotencyKey', () => {
  it.each(['a', 'k'.repeat(200), 'order-2026-12-03 #7', '550e8400-e29b-41d4-a716-446655440000'])(
    'accepts %s',
    (key) => expect(isValidIdempotencyKey(key)).toBe(true),
  );

  it.each(['', 'k'.repeat(201), 'tab\there', 'clé', 'line\nbreak', undefined, ['a', 'b']])(
    'refuses %p',
    (key) => expect(isValidIdempotencyKey(key)).toBe(false),
  );
});

describe('bookingRequestHash', () => {
  it('is the same for the same request and differs for another', () => {
    const hash = bookingRequestHash({ showId: 1, seats: 2 });
    expect(bookingRequestHash({ seats: 2, showId: 1 })).toBe(hash);
    expect(bookingRequestHash({ showId: 1, seats: 3 })).not.toBe(hash);
    expect(bookingRequestHash({ showId: 12, seats: 1 })).not.toBe(
      bookingRequestHash({ showId: 1, seats: 21 }),
    );
  });
});
