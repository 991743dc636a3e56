/** PostgreSQL's `deadlock_detected`. */
const DEADLOCK = '40P01';

function isDeadlock(err: unknown): boolean {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  return e?.code === DEADLOCK || e?.driverError?.code === DEADLOCK;
}

/**
 * Runs a whole transaction again when PostgreSQL broke a deadlock by aborting it. The one we can
 * meet: a cancel (booking row, then show row) racing an admin deleting that show (show row,
 * then its bookings by cascade). The aborted transaction rolled back entirely, so a rerun is safe.
 */
export async function retryOnDeadlock<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= attempts || !isDeadlock(err)) throw err;
    }
  }
}
