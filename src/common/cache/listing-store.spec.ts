import { Logger } from '@nestjs/common';
import { RateLimitedLog } from './listing-store';

describe('RateLimitedLog', () => {
  it('logs once per interval and counts what it suppressed', () => {
    const warn = jest.fn();
    const log = new RateLimitedLog({ warn } as unknown as Logger, 60_000);
    log.warn('redis down');
    log.warn('redis down');
    log.warn('redis down');
    expect(warn).toHaveBeenCalledTimes(1);
    const later = Date.now() + 61_000;
    jest.spyOn(Date, 'now').mockReturnValue(later);
    log.warn('redis down');
    expect(warn).toHaveBeenLastCalledWith('redis down (2 similar suppressed)');
    jest.restoreAllMocks();
  });
});
