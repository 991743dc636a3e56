import { assertBookable, ownerRestriction } from './booking-rules';

describe('assertBookable', () => {
  it('accepts whole seats from 1 to the maximum on a valid show id', () => {
    expect(() => assertBookable({ showId: 1, seats: 1 }, 10)).not.toThrow();
    expect(() => assertBookable({ showId: 2_147_483_647, seats: 10 }, 10)).not.toThrow();
  });

  it.each([0, -1, 1.5, 11, Number.NaN])('refuses %p seats with a 400', (seats) => {
    expect(() => assertBookable({ showId: 1, seats }, 10)).toThrow(
      expect.objectContaining({ status: 400, code: 'VALIDATION_FAILED' }),
    );
  });

  it.each([0, 2 ** 31, 1.5])('answers showId %p as an unknown show', (showId) => {
    expect(() => assertBookable({ showId, seats: 1 }, 10)).toThrow(
      expect.objectContaining({ status: 404, code: 'SHOW.NOT_FOUND' }),
    );
  });
});

describe('ownerRestriction', () => {
  it('restricts users to themselves and lets admins see all', () => {
    expect(ownerRestriction({ id: 4, username: 'u', role: 'user' })).toBe(4);
    expect(ownerRestriction({ id: 1, username: 'a', role: 'admin' })).toBeNull();
  });
});
