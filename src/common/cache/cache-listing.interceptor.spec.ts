import { listingCacheKey } from './cache-listing.interceptor';

describe('listingCacheKey', () => {
  it('sorts parameters and drops empty ones', () => {
    expect(listingCacheKey('/shows?limit=5&genre=Drama&q=')).toBe('/shows?genre=Drama&limit=5');
    expect(listingCacheKey('/shows?genre=Drama&limit=5')).toBe('/shows?genre=Drama&limit=5');
    expect(listingCacheKey('/shows?q=')).toBe('/shows');
    expect(listingCacheKey('/venues')).toBe('/venues');
  });

  it('keeps values apart that differ only in encoding-sensitive characters', () => {
    expect(listingCacheKey('/shows?q=a%26b')).not.toBe(listingCacheKey('/shows?q=a&b='));
    expect(listingCacheKey('/shows?q=a+b')).toBe(listingCacheKey('/shows?q=a%20b'));
  });
});
