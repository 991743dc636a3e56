import Redis from 'ioredis';
import { rmSync } from 'node:fs';
import { runId, runTmpDir, TEST_REDIS_URL, withAdmin } from './run';

/** Drops the run's databases, Redis keys and files. */
export default async function globalTeardown(): Promise<void> {
  const run = runId();
  rmSync(runTmpDir(run), { recursive: true, force: true });
  await withAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`ticketshow_test_${run}_%`],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `test:${run}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
