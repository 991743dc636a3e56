import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  Type,
  UseInterceptors,
} from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, Observable, of, switchMap } from 'rxjs';
import { ListingCache } from './listing-cache.service';

export const X_CACHE = 'x-cache';
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * `path?sorted-query`: `?b=1&a=2` and `?a=2&b=1` share an entry. Empty values are dropped like
 * absent ones; repeated parameters keep their order (they are usually a 400 anyway).
 */
export function listingCacheKey(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = [...new URLSearchParams(url.slice(q + 1))].filter(([, v]) => v !== '');
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  return query ? `${url.slice(0, q)}?${query}` : url.slice(0, q);
}

/**
 * Serves a public listing from the cache: a hit is the stored body sent as is (one Redis MGET,
 * no JSON.stringify); a miss runs the handler, serialises once and stores that string.
 * Only GET answers that are the same for every caller may use it.
 */
@Injectable()
export class CacheListingInterceptor implements NestInterceptor {
  constructor(private readonly cache: ListingCache) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (request.method !== 'GET') return next.handle();
    const key = listingCacheKey(request.url);
    return from(this.cache.lookup(key)).pipe(
      switchMap(({ body, generation }) => {
        if (body !== undefined) {
          void reply.header(X_CACHE, 'hit').type(JSON_TYPE);
          return of(body);
        }
        return next.handle().pipe(
          switchMap(async (data: unknown) => {
            const serialised = JSON.stringify(data);
            if (generation) await this.cache.store(key, generation, serialised);
            void reply.header(X_CACHE, 'miss').type(JSON_TYPE);
            return serialised;
          }),
        );
      }),
    );
  }
}

/** Cache this public GET listing in Redis (see docs/catalog.md); `type` is the 200 body. */
export const CachedListing = (type: Type<unknown>): MethodDecorator =>
  applyDecorators(
    UseInterceptors(CacheListingInterceptor),
    ApiResponse({
      status: 200,
      type,
      description: 'OK (possibly from the listing cache)',
      headers: { [X_CACHE]: { description: '`hit` or `miss`', schema: { type: 'string' } } },
    }),
  );
