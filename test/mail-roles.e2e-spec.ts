import { rmSync } from 'node:fs';
import * as argon2 from 'argon2';
import { Client } from 'pg';
import request from 'supertest';
import { ARGON2_OPTIONS } from '../src/auth/password.service';
import { cloneDatabase } from './support/app';
import {
  AppProcess,
  spawnApp,
  stopAll,
  transpileApp,
  waitForListening,
  waitForOutput,
} from './support/processes';
import { eventually, freePort, SmtpCatcher } from './support/smtp';

jest.setTimeout(180_000);

/**
 * The split roles as production runs them: an API process (`APP_ROLE=api`) only enqueues; the
 * worker process (`src/worker.ts`) fans out and sends, with templates found from built code.
 */
const PASSWORD = 'mail-roles-password-42';
const ENV = {
  DATABASE_AUTO_CREATE: 'false',
  DATABASE_AUTO_MIGRATE: 'false',
  SCHEDULES_ENABLED: 'false',
  LOG_LEVEL: 'log',
};

let api: AppProcess | undefined;
let worker: AppProcess | undefined;
let build: string | undefined;
let smtp: SmtpCatcher;
let db: Client;

beforeAll(async () => {
  await cloneDatabase();
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const hash = await argon2.hash(PASSWORD, ARGON2_OPTIONS);
  await db.query(
    `INSERT INTO users (username, email, password_hash, role) VALUES
       ('mr_admin', 'mr_admin@example.test', $1, 'admin'),
       ('mr_reader', 'mr_reader@example.test', $1, 'user')`,
    [hash],
  );
  smtp = new SmtpCatcher(await freePort());
  await smtp.start();
  build = transpileApp();
});

afterAll(async () => {
  await stopAll([api, worker]);
  await smtp?.stop();
  await db?.end();
  if (build) rmSync(build, { recursive: true, force: true });
});

it('the API enqueues, only the worker sends', async () => {
  const env = { ...ENV, SMTP_URL: smtp.url };
  api = spawnApp('api', {
    entry: 'main',
    build,
    env: { ...env, APP_ROLE: 'api', PORT: '0', HOST: '127.0.0.1' },
  });
  const http = request(await waitForListening(api, 90_000));
  const login = await http.post('/auth/login').send({ username: 'mr_admin', password: PASSWORD });
  expect(login.status).toBe(200);
  const auth = { Authorization: `Bearer ${login.body.accessToken as string}` };

  const run = await http.post('/admin/jobs/daily-reminder/run').set(auth).expect(202);
  // No process consumes the queues yet: no sent-log row, no email.
  const pending = async (): Promise<number> =>
    Number((await db.query('SELECT count(*) FROM notifications')).rows[0].count);
  expect(await pending()).toBe(0);
  expect(smtp.messages).toHaveLength(0);

  worker = spawnApp('worker', { entry: 'worker', build, env });
  await waitForOutput(worker, /worker started/, 90_000);
  const [mail] = await smtp.waitFor('mr_reader@example.test', 1, 60_000);
  expect(mail.html).toContain('Hi mr_reader');
  expect(mail.text).toContain('Hi mr_reader');
  expect(smtp.to('mr_admin@example.test')).toHaveLength(0);
  await eventually(
    async () =>
      (
        await db.query(
          `SELECT 1 FROM notifications WHERE kind = 'daily-reminder' AND period = $1 AND status = 'sent'`,
          [run.body.period],
        )
      ).rowCount === 1,
    'the reminder to be marked sent',
  );
});
