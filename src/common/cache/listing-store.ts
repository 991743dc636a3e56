import { Logger } from '@nestjs/common';
import KeyvRedis, { createClient, Keyv } from '@keyv/redis';
import type { CacheConfig } from '../../config';

/**
 * The keyv store behind cache-manager. Values are our own strings (a generation tag and the
 * serialised response body), so keyv's default JSON envelope `{"value":…,"expires":…}` would only
 * escape and re-parse ~20 KB per hit; Redis expires keys itself (PX), so the envelope adds nothing.
 */
const rawSerialize = (data: { value?: unknown }): string => data.value as string;
const rawDeserialize = <T>(data: string): { value: T } => ({ value: data as T });

/** At most one cache error log line per interval: a Redis outage must not flood the logs. */
export class RateLimitedLog {
  private last = 0;
  private suppressed = 0;

  constructor(
    private readonly logger: Logger,
    private readonly intervalMs = 10_000,
  ) {}

  warn(message: string): void {
    const now = Date.now();
    if (now - this.last < this.intervalMs) {
      this.suppressed++;
      return;
    }
    const extra = this.suppressed > 0 ? ` (${this.suppressed} similar suppressed)` : '';
    this.logger.warn(`${message}${extra}`);
    this.last = now;
    this.suppressed = 0;
  }
}

export interface ListingStore {
  keyv: Keyv;
  /** Closes the connection without waiting on a Redis that is down. */
  close(): Promise<void>;
}

export function createListingStore(config: CacheConfig): ListingStore {
  const client = createClient({
    url: config.url,
    // Fail fast while disconnected instead of queueing commands (they would wait for a reconnect).
    disableOfflineQueue: true,
    socket: {
      connectTimeout: Math.max(config.timeoutMs, 1_000),
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5_000),
    },
  });
  // Socket errors repeat on every reconnect attempt; the failing commands are what we report
  // (ListingCache listens on the keyv store). Without a listener they would crash the process.
  client.on('error', () => undefined);
  const adapter = new KeyvRedis(client, {
    namespace: config.namespace,
    throwOnConnectError: false,
    connectionTimeout: Math.max(config.timeoutMs, 1_000),
  });
  const keyv = new Keyv<string>(adapter, {
    namespace: config.namespace,
    useKeyPrefix: false,
    serialize: rawSerialize,
    deserialize: rawDeserialize,
  });
  const close = async (): Promise<void> => {
    if (!client.isOpen) return;
    if (client.isReady) {
      // close() waits for in-flight replies, which a stalled Redis never sends.
      const stalled = new Promise((resolve) => setTimeout(resolve, config.timeoutMs).unref());
      await Promise.race([client.close().catch(() => undefined), stalled]);
    }
    if (client.isOpen) client.destroy();
  };
  // @nestjs/cache-manager disconnects its stores on module destroy; a plain close() waits on a
  // reconnecting client, so a process whose Redis is down would never exit.
  adapter.disconnect = close;
  return { keyv, close };
}
