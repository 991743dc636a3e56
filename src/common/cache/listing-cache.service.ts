import { randomBytes } from 'node:crypto';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Cache } from 'cache-manager';
import { CacheConfig, cacheConfig } from '../../config';
import { RateLimitedLog } from './listing-store';

/** The catalogue's generation: every write replaces it, which orphans every cached listing. */
export const GENERATION_KEY = 'listings:generation';
const ENTRY_PREFIX = 'listings:entry:';
/** After a failure, skip the cache for this long instead of paying the timeout on every read. */
const BACKOFF_MS = 1_000;

export interface CacheLookup {
  /** The serialised body, when a fresh entry exists. */
  body?: string;
  /** The generation to tag a newly built entry with; undefined means "do not store". */
  generation?: string;
}

const newGeneration = (): string => `${Date.now().toString(36)}.${randomBytes(6).toString('hex')}`;

/**
 * Listing cache on cache-manager + keyv + Redis. An entry is `<generation>\n<body>`; a lookup reads
 * the generation and the entry in one MGET and accepts the entry only if its tag is current.
 * A reader tags what it builds with the generation it saw BEFORE querying PostgreSQL, so a slow
 * reader that stores its result after a write stored an entry that is already stale-tagged.
 * Every call is bounded by CACHE_TIMEOUT_MS; failures are logged (rate-limited), never thrown.
 */
@Injectable()
export class ListingCache {
  private readonly log = new RateLimitedLog(new Logger(ListingCache.name));
  private skipUntil = 0;
  private lastAnswerAt = 0;

  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    @Inject(cacheConfig.KEY) private readonly config: CacheConfig,
  ) {
    for (const store of cache.stores) store.on('error', (err: unknown) => this.reportError(err));
  }

  /** Called by the store's error events (connection refused, command failures). */
  reportError(err: unknown): void {
    this.skipUntil = Date.now() + BACKOFF_MS;
    this.log.warn(`Listing cache unavailable, serving from PostgreSQL: ${describe(err)}`);
  }

  async lookup(key: string): Promise<CacheLookup> {
    if (Date.now() < this.skipUntil) return {};
    const values = await this.bounded(this.cache.mget<string>([GENERATION_KEY, entryKey(key)]));
    // keyv reports store errors as events and answers "missing"; do not mistake that for a miss.
    if (values === undefined || Date.now() < this.skipUntil) return {};
    const [generation, entry] = values;
    if (generation === undefined || generation === null) return { generation: await this.reset() };
    if (entry && entry.length > generation.length && entry.startsWith(generation)) {
      if (entry.charCodeAt(generation.length) === 10) {
        return { body: entry.slice(generation.length + 1), generation };
      }
    }
    return { generation };
  }

  async store(key: string, generation: string, body: string): Promise<void> {
    if (Date.now() < this.skipUntil) return;
    const ttlMs = this.config.ttlSeconds * 1000;
    await this.bounded(this.cache.set(entryKey(key), `${generation}\n${body}`, ttlMs));
  }

  /** After a catalogue write commits: every listing cached so far is stale from now on. */
  async invalidate(): Promise<void> {
    const ok = await this.bounded(this.cache.set(GENERATION_KEY, newGeneration()));
    if (ok === undefined) {
      this.log.warn('Could not invalidate listings; cached entries expire within the TTL.');
    }
  }

  /** No generation yet (fresh or flushed Redis): start one before the reader queries PostgreSQL. */
  private async reset(): Promise<string | undefined> {
    const generation = newGeneration();
    const ok = await this.bounded(this.cache.set(GENERATION_KEY, generation));
    return ok === undefined ? undefined : generation;
  }

  /**
   * The call's result, or undefined if it failed or Redis did not answer within CACHE_TIMEOUT_MS.
   * When the timer fires, I/O gets one more turn first: on a busy event loop the reply may already
   * be in the socket, and counting event-loop lag as a Redis timeout would send a loaded process to
   * PostgreSQL exactly when it can least afford it.
   */
  private bounded<T>(call: Promise<T>): Promise<T | undefined> {
    return new Promise((resolve) => {
      let done = false;
      const finish = (value: T | undefined): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => {
        setImmediate(() => {
          if (done) return;
          this.reportTimeout();
          finish(undefined);
        });
      }, this.config.timeoutMs);
      call.then(
        (value) => {
          this.lastAnswerAt = Date.now();
          finish(value);
        },
        (err: unknown) => {
          this.reportError(err);
          finish(undefined);
        },
      );
    });
  }

  /** A slow answer while others still arrive is load, not an outage: back off only if all stall. */
  private reportTimeout(): void {
    if (Date.now() - this.lastAnswerAt < BACKOFF_MS) return;
    this.reportError(new Error(`no answer within ${this.config.timeoutMs} ms`));
  }
}

const entryKey = (key: string): string => `${ENTRY_PREFIX}${key}`;
const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));
