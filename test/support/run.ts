import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** Where the test run's databases live: the same server as development, `postgres` user. */
export const ADMIN_DATABASE_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function runId(): string {
  const id = process.env.TEST_RUN_ID;
  if (!id) throw new Error('TEST_RUN_ID is not set: run e2e tests through jest (globalSetup).');
  return id;
}

/** Files a test run writes (export dirs); removed by global teardown. */
export const runTmpDir = (run: string): string => join(tmpdir(), `ticketshow-test-${run}`);

export const templateDatabase = (run: string): string => `ticketshow_test_${run}_tpl`;

export function databaseUrl(name: string): string {
  // Style guide: never run tests against a database whose name lacks "test".
  if (!name.includes('test')) throw new Error(`Refusing to use non-test database ${name}`);
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
