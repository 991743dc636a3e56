/**
 * Cached listing throughput: the app serving a ~21 KB `GET /shows` from the Redis cache versus a
 * raw node:http server sending the same pre-serialised body. Not run by CI. Needs local
 * PostgreSQL and Redis:  npm run bench:listings [-- seconds=10 connections=50]
 * It creates (and drops) its own database `ticketshow_bench_listings` and Redis prefix.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import { Client } from 'pg';
import { ensureDatabase, runMigrations } from '../src/database/prepare-database';
import { envelopeCost } from './keyv-envelope';

const DB = 'ticketshow_bench_listings';
const ADMIN_URL =
  process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TARGET_BYTES = 21_000;
const dbUrl = (): string => Object.assign(new URL(ADMIN_URL), { pathname: `/${DB}` }).toString();

async function sql(url: string, text: string, params: unknown[] = []): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text, params);
  } finally {
    await client.end();
  }
}

async function seed(): Promise<void> {
  await sql(ADMIN_URL, `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await ensureDatabase(dbUrl());
  await runMigrations({ url: dbUrl() });
  await sql(
    dbUrl(),
    `INSERT INTO venues (name, location, city, capacity, timezone)
     VALUES ('NCPA Tata Theatre', 'Nariman Point, Mumbai', 'Mumbai', 1000, 'Asia/Kolkata')`,
  );
  await sql(
    dbUrl(),
    `INSERT INTO shows (venue_id, name, language, genre, rating, price, starts_at, ends_at, capacity)
     SELECT 1, 'Show number ' || i, 'English', 'Drama', 7.5, 400,
            '2027-01-01T14:00:00Z'::timestamptz + i * interval '1 day',
            '2027-01-01T16:30:00Z'::timestamptz + i * interval '1 day', 1000
       FROM generate_series(1, 100) AS i`,
  );
}

function start(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

/** The `limit` whose page is closest to ~21 KB, and that page from a warm cache. */
async function listingUrl(base: string): Promise<{ url: string; body: string }> {
  const all = await (await fetch(`${base}/shows?limit=100`)).text();
  const limit = Math.round((TARGET_BYTES / all.length) * 100);
  const url = `${base}/shows?limit=${limit}`;
  await fetch(url);
  const hit = await fetch(url);
  if (hit.headers.get('x-cache') !== 'hit') throw new Error('the listing is not served from cache');
  return { url, body: await hit.text() };
}

async function measure(label: string, url: string, seconds: number, connections: number) {
  await autocannon({ url, connections, duration: 2 }); // warm-up (JIT, connection pools)
  const r = await autocannon({ url, connections, duration: seconds });
  if (r.errors > 0 || r.non2xx > 0)
    throw new Error(`${label}: ${r.errors} errors, ${r.non2xx} non-2xx`);
  return { label, reqPerSec: Math.round(r.requests.average), p99Ms: r.latency.p99 };
}

/** SIGTERM and wait for the exit: a server that does not exit is a bug worth seeing here. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function cleanRedis(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}

async function main(): Promise<void> {
  const arg = (name: string, fallback: number): number =>
    Number(process.argv.find((a) => a.startsWith(`${name}=`))?.split('=')[1] ?? fallback);
  const seconds = arg('seconds', 10);
  const connections = arg('connections', 50);
  const prefix = `bench:${randomBytes(3).toString('hex')}`;
  const children: ChildProcess[] = [];
  try {
    await seed();
    const appPort = 3900 + Math.floor(Math.random() * 50);
    children.push(
      start(['src/main.ts'], {
        DATABASE_URL: dbUrl(),
        REDIS_URL,
        REDIS_PREFIX: prefix,
        PORT: String(appPort),
        HOST: '127.0.0.1',
        APP_ROLE: 'api',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(32).toString('hex'),
        CACHE_TTL_SECONDS: '3600',
      }),
    );
    await waitFor(`http://127.0.0.1:${appPort}/health`);
    const { url, body } = await listingUrl(`http://127.0.0.1:${appPort}`);
    const file = join(mkdtempSync(join(tmpdir(), 'bench-')), 'body.json');
    writeFileSync(file, body);
    const rawPort = appPort + 100;
    children.push(start(['bench/raw-listing-server.ts', file, String(rawPort)], {}));
    await waitFor(`http://127.0.0.1:${rawPort}/`);

    const app = await measure('Nest + Fastify, cache hit', url, seconds, connections);
    const raw = await measure(
      'raw node:http, same body',
      `http://127.0.0.1:${rawPort}/`,
      seconds,
      connections,
    );
    const cost = envelopeCost(body);
    console.log(
      `\nBody: ${body.length} bytes (${url.split('/').pop()}), ${connections} connections, ${seconds}s each\n`,
    );
    console.table([app, raw]);
    console.log(`ratio app/raw: ${(app.reqPerSec / raw.reqPerSec).toFixed(2)}`);
    console.log(
      `keyv default JSON envelope would add ${cost.envelopeUs.toFixed(1)} µs per hit ` +
        `(serialise ${cost.serialiseUs.toFixed(1)} µs on store) and ${cost.bytesAdded} bytes per entry`,
    );
  } finally {
    const t0 = Date.now();
    await Promise.all(children.map(stop));
    console.log(`servers stopped in ${Date.now() - t0} ms`);
    await cleanRedis(prefix).catch(() => undefined);
    await sql(ADMIN_URL, `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`).catch(() => undefined);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
