import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DatabaseConfig } from '../config';
import { dataSourceOptions } from './database.options';
import { redactUrl, StartupError } from '../common/startup-error';

/** Any fixed number: serialises migrations across instances that start at the same time. */
const MIGRATION_LOCK_KEY = 727_1001;

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  return client;
}

/** Creates the database when it is missing (DATABASE_AUTO_CREATE). */
export async function ensureDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const admin = await connect(withDatabase(url, 'postgres'));
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    }
  } catch (err) {
    // Another instance created it between our check and our CREATE: 42P04 (duplicate_database),
    // or 23505 when both CREATEs raced into pg_database's unique index.
    if (!['42P04', '23505'].includes((err as { code?: string }).code ?? '')) throw err;
  } finally {
    await admin.end();
  }
}

/** Runs pending migrations under an advisory lock so concurrent starts run them once. */
export async function runMigrations(db: Pick<DatabaseConfig, 'url'>): Promise<string[]> {
  const ds = new DataSource({ ...dataSourceOptions({ url: db.url, poolSize: 1 }) });
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const ran = await ds.runMigrations({ transaction: 'each' });
    await ds.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** Checks PostgreSQL is reachable, creates the database and migrates, as configured. */
export async function prepareDatabase(db: DatabaseConfig): Promise<string[]> {
  try {
    if (db.autoCreate) await ensureDatabase(db.url);
    else await (await connect(db.url)).end();
    return db.autoMigrate ? await runMigrations(db) : [];
  } catch (err) {
    throw new StartupError(
      `Cannot prepare PostgreSQL at ${redactUrl(db.url)}: ${(err as Error).message}`,
      'Is PostgreSQL running and reachable? Check DATABASE_URL (user, password, host, port, database).',
    );
  }
}
