import Redis from 'ioredis';
import { LoginAttemptsService } from './login-attempts.service';

describe('LoginAttemptsService without Redis', () => {
  // A real client aimed at a closed port: no mock, the failure is the real one.
  const redis = new Redis('redis://127.0.0.1:9', {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  afterAll(() => redis.disconnect());
  const service = new LoginAttemptsService(redis);

  it('fails closed with a 503 problem, not a 500', async () => {
    await expect(service.assertNotLocked('user:1')).rejects.toMatchObject({
      status: 503,
      code: 'AUTH.RATE_LIMIT_UNAVAILABLE',
    });
    await expect(service.recordFailure('user:1')).rejects.toMatchObject({ status: 503 });
  });
});
