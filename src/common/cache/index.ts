export * from './cache-listing.interceptor';
export * from './listing-cache.module';
export * from './listing-cache.service';
