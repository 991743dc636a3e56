import { CacheModule } from '@nestjs/cache-manager';
import { Module } from '@nestjs/common';
import { CacheConfig, cacheConfig } from '../../config';
import { CacheListingInterceptor } from './cache-listing.interceptor';
import { ListingCache } from './listing-cache.service';
import { createListingStore } from './listing-store';

/** Redis listing cache (cache-manager + keyv + @keyv/redis); the store closes on shutdown. */
@Module({
  imports: [
    CacheModule.registerAsync({
      inject: [cacheConfig.KEY],
      useFactory: (config: CacheConfig) => ({ stores: [createListingStore(config).keyv] }),
    }),
  ],
  providers: [ListingCache, CacheListingInterceptor],
  exports: [ListingCache, CacheListingInterceptor],
})
export class ListingCacheModule {}
