import { randomBytes } from 'node:crypto';
import { ensureDatabase, runMigrations } from '../../src/database/prepare-database';
import { databaseUrl, templateDatabase, withAdmin } from './run';

const STALE_MS = 6 * 3_600_000;

/** Databases of runs that were killed before their teardown (the run id starts with its time). */
async function dropStaleRuns(): Promise<void> {
  await withAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'ticketshow\\_test\\_%'`,
    );
    for (const { datname } of rows) {
      const started = parseInt(datname.split('_')[2]?.slice(0, 8) ?? '', 36);
      if (Number.isFinite(started) && Date.now() - started > STALE_MS) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
  });
}

/** Once per run: a migrated template database that each test file clones. */
export default async function globalSetup(): Promise<void> {
  await dropStaleRuns();
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  process.env.TEST_RUN_ID = run;
  const url = databaseUrl(templateDatabase(run));
  await ensureDatabase(url);
  await runMigrations({ url });
}
