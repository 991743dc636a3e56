import Redis from 'ioredis';
import { redactUrl, StartupError } from '../common/startup-error';

/** Fails fast with a clear message when Redis is not reachable at start. */
export async function checkRedis(url: string): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 5_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    throw new StartupError(
      `Cannot reach Redis at ${redactUrl(url)}: ${(err as Error).message}`,
      'Is Redis running and reachable? Check REDIS_URL.',
    );
  } finally {
    client.disconnect();
  }
}
