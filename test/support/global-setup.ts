import { randomBytes } from 'node:crypto';
import { ensureDatabase, runMigrations } from '../../src/database/prepare-database';
import { databaseUrl, templateDatabase } from './run';

/** Once per run: a migrated template database that each test file clones. */
export default async function globalSetup(): Promise<void> {
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  process.env.TEST_RUN_ID = run;
  const url = databaseUrl(templateDatabase(run));
  await ensureDatabase(url);
  await runMigrations({ url });
}
