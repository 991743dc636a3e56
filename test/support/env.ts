import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { databaseUrl, runId, runTmpDir, TEST_REDIS_URL } from './run';

// Runs before each e2e test file: its own database (cloned lazily from the run's template by
// createTestApp) and its own Redis key prefix, so files never see each other's data or jobs.
const file = randomBytes(4).toString('hex');
const run = runId();
Object.assign(process.env, {
  NODE_ENV: 'test',
  TEST_FILE_ID: file,
  DATABASE_URL: databaseUrl(`ticketshow_test_${run}_${file}`),
  DATABASE_AUTO_CREATE: 'false',
  DATABASE_AUTO_MIGRATE: 'false',
  DATABASE_POOL_SIZE: '20',
  REDIS_URL: TEST_REDIS_URL,
  REDIS_PREFIX: `test:${run}:${file}`,
  JWT_SECRET: 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
  LOG_LEVEL: 'error',
  SCHEDULES_ENABLED: 'false',
  // Under the run's folder, which global teardown removes.
  EXPORT_DIR: mkdirSync(join(runTmpDir(run), `exports-${file}`), { recursive: true }),
  APP_URL: 'http://ticketshow.test',
});
