import type { Job, JobOptions, Queue } from 'bull';
import { ServiceUnavailableError } from '../common/errors';

/**
 * `queue.add` can hang while Redis is down (OptimalBits/bull#2558): bound it so the caller
 * answers 503 instead of holding the request open.
 */
export async function enqueue<T>(
  queue: Queue<T>,
  name: string,
  data: T,
  opts: JobOptions = {},
  timeoutMs = 5_000,
): Promise<Job<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new ServiceUnavailableError('QUEUE.UNAVAILABLE', 'The job queue is unavailable.')),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([queue.add(name, data, opts), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** `auth-cleanup:2026-12-03T17`: one housekeeping run per hour, whichever worker's cron fires. */
export function hourlyJobId(prefix: string, at: Date): string {
  return `${prefix}:${at.toISOString().slice(0, 13)}`;
}

/** Enqueues hourly housekeeping with its deterministic id, retried a few times on failure. */
export function enqueueHourly<T>(
  queue: Queue<T>,
  name: string,
  data: T,
  idPrefix: string,
  at: Date,
): Promise<Job<T>> {
  return enqueue(queue, name, data, {
    jobId: hourlyJobId(idPrefix, at),
    attempts: 3,
    backoff: { type: 'exponential', delay: 10_000 },
  });
}
