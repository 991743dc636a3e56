import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { createHttpApp, createLogger } from './app.factory';
import { StartupError } from './common/startup-error';
import { servesHttp } from './common/roles';
import { ConfigError, loadEnv } from './config';
import { prepareDatabase } from './database/prepare-database';
import { checkRedis } from './redis/check-redis';

const START_TIMEOUT_MS = 30_000;

function fail(message: string, hint?: string): never {
  process.stderr.write(`\nTicket Show could not start.\n  ${message}\n`);
  if (hint) process.stderr.write(`  ${hint}\n`);
  process.exit(1);
}

/**
 * Starts the process for APP_ROLE: checks PostgreSQL (creating and migrating the database) and
 * Redis first, so a missing dependency is a two-line message and a non-zero exit, not a hang.
 */
export async function start(): Promise<void> {
  const watchdog = setTimeout(
    () => fail(`Start did not finish within ${START_TIMEOUT_MS / 1000}s.`),
    START_TIMEOUT_MS,
  );
  try {
    const env = loadEnv();
    const ran = await prepareDatabase({
      url: env.DATABASE_URL,
      autoCreate: env.DATABASE_AUTO_CREATE,
      autoMigrate: env.DATABASE_AUTO_MIGRATE,
      poolSize: env.DATABASE_POOL_SIZE,
    });
    await checkRedis(env.REDIS_URL);
    const { url, close } = servesHttp(env.APP_ROLE)
      ? await listen(env.PORT, env.HOST)
      : await worker();
    closeOnSignal(close, env.SHUTDOWN_TIMEOUT_MS);
    const logger = new Logger('Bootstrap');
    if (ran.length > 0) logger.log(`Applied migrations: ${ran.join(', ')}`);
    logger.log(
      url
        ? `Ticket Show (${env.APP_ROLE}) listening on ${url} — docs at ${url}/docs`
        : 'Ticket Show worker started',
    );
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message, 'See .env.example for every variable.');
    if (err instanceof StartupError) fail(err.message, err.hint);
    fail(`${(err as Error).name}: ${(err as Error).message}`);
  } finally {
    clearTimeout(watchdog);
  }
}

interface Running {
  /** The address actually bound (PORT=0 picks a free port); none for a worker. */
  url?: string;
  close: () => Promise<void>;
}

async function listen(port: number, host: string): Promise<Running> {
  const app = await createHttpApp();
  await app.listen(port, host);
  const address = app.getHttpServer().address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${bound}`,
    // Drain HTTP first (in-flight requests finish, new ones get 503), then close the modules:
    // Nest's own order closes queues and the cache before the server, under live requests.
    close: async () => {
      await app.getHttpAdapter().getInstance().close();
      await app.close();
    },
  };
}

async function worker(): Promise<Running> {
  const app = await NestFactory.createApplicationContext(AppModule, {
    logger: createLogger(),
    abortOnError: false,
  });
  await app.init();
  return { close: () => app.close() };
}

/** SIGTERM/SIGINT: close in order, exit 0; give up after `timeoutMs` with exit 1. */
function closeOnSignal(close: () => Promise<void>, timeoutMs: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(`Shutdown took longer than ${timeoutMs} ms; exiting.\n`);
        process.exit(1);
      }, timeoutMs).unref();
      close().then(
        () => process.exit(0),
        (err: unknown) => {
          process.stderr.write(`Shutdown failed: ${String(err)}\n`);
          process.exit(1);
        },
      );
    });
  }
}
