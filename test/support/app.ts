import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';

import { DataSource } from 'typeorm';
import { createHttpApp } from '../../src/app.factory';
import { resetEnvCache } from '../../src/config';
import { runId, templateDatabase, withAdmin } from './run';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  ds: DataSource;
  close(): Promise<void>;
}

let cloned = false;

/** This file's database, cloned from the run's migrated template. */
export async function cloneDatabase(): Promise<void> {
  if (cloned) return;
  const name = new URL(process.env.DATABASE_URL ?? '').pathname.slice(1);
  await withAdmin(async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase(runId())}"`);
        break;
      } catch (err) {
        // 55006: another file is cloning the template at this very moment.
        if ((err as { code?: string }).code !== '55006' || attempt > 50) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  cloned = true;
}

/**
 * Boots the real app (HTTP, workers, queues) against this file's database and Redis prefix.
 * `env` overrides variables for this app only (e.g. SMTP_URL of an in-process SMTP server).
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  await cloneDatabase();
  const saved = { ...process.env };
  Object.assign(process.env, env);
  resetEnvCache();
  try {
    const app = await createHttpApp();
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return {
      app,
      http: request(app.getHttpServer()),
      ds: app.get(DataSource),
      close: () => app.close(),
    };
  } finally {
    process.env = saved;
    resetEnvCache();
  }
}
