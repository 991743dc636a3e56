/** What the benchmarks share: their own database, the app booted in-process, a request loop. */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';

export const ADMIN_URL =
  process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const benchDbUrl = (db: string): string =>
  Object.assign(new URL(ADMIN_URL), { pathname: `/${db}` }).toString();

export async function sql(url: string, text: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export interface BenchApp {
  app: NestFastifyApplication;
  base: string;
  ds: DataSource;
  token(user: { id: number; username: string; role?: 'user' | 'admin' }): string;
  /** Closes the app and drops the benchmark's database. */
  close(): Promise<void>;
}

/** A fresh, migrated database `db` and the real app listening on a free port. */
export async function startBenchApp(db: string, env: Record<string, string>): Promise<BenchApp> {
  await sql(ADMIN_URL, `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: benchDbUrl(db),
    JWT_SECRET: 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
    LOG_LEVEL: 'error',
    SCHEDULES_ENABLED: 'false',
    ...env,
  });
  // Imported after the environment is set: the config is read once, on first use.
  const { ensureDatabase, runMigrations } = await import('../src/database/prepare-database');
  const { createHttpApp } = await import('../src/app.factory');
  const { TokenService } = await import('../src/auth/token.service');
  const { DataSource } = await import('typeorm');
  await ensureDatabase(benchDbUrl(db));
  await runMigrations({ url: benchDbUrl(db) });
  const app = await createHttpApp();
  await app.listen(0, '127.0.0.1');
  return {
    app,
    base: await app.getUrl(),
    ds: app.get(DataSource),
    token: (u) => app.get(TokenService).signAccessToken({ role: 'user', ...u }).token,
    close: async () => {
      await app.close();
      await sql(ADMIN_URL, `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    },
  };
}

export interface BurstStats {
  requests: number;
  ms: number;
  rps: number;
  statuses: Record<number, number>;
  p50: number;
  p99: number;
}

/** `total` calls of `send(i)` (which answers an HTTP status), `concurrency` at a time. */
export async function runConcurrently(
  total: number,
  concurrency: number,
  send: (i: number) => Promise<number>,
): Promise<BurstStats> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < total) {
      const i = next++;
      const t0 = performance.now();
      const status = await send(i);
      latencies.push(performance.now() - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number => Math.round(latencies[Math.floor((latencies.length - 1) * p)]);
  return {
    requests: total,
    ms: Math.round(ms),
    rps: Math.round((total * 1000) / ms),
    statuses,
    p50: pct(0.5),
    p99: pct(0.99),
  };
}
