import { loadEnv } from '../config';
import type { AppRole } from '../config';

export function servesHttp(role: AppRole): boolean {
  return role === 'all' || role === 'api';
}

export function runsWorkers(role: AppRole): boolean {
  return role === 'all' || role === 'worker';
}

/**
 * Providers that only the worker role runs: queue processors and cron triggers. The API role
 * still registers the queues (it enqueues) but never consumes them.
 */
export function workerOnly<T>(...providers: T[]): T[] {
  return runsWorkers(loadEnv().APP_ROLE) ? providers : [];
}
