import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AdminAccountsService, adminInputProblems } from '../auth/admin-accounts.service';
import { DomainError } from '../common/errors';
import { StartupError } from '../common/startup-error';
import { ConfigError, loadEnv } from '../config';
import { prepareDatabase } from '../database/prepare-database';
import { CliModule } from './cli.module';

const USAGE = `Usage: npm run admin:create -- --username <name> --email <email> [--password <password>]
Creates an admin account. Missing options fall back to ADMIN_USERNAME, ADMIN_EMAIL and
ADMIN_PASSWORD (prefer the variable for the password: arguments are visible in the process list).
To promote an existing user instead, use PATCH /users/:username/role as an admin.`;

type Print = (line: string) => void;

/** Returns the exit code: 0 created, 1 refused or failed, 2 bad usage. */
export async function adminCreate(
  argv: string[],
  out: Print = (l) => process.stdout.write(`${l}\n`),
  err: Print = (l) => process.stderr.write(`${l}\n`),
): Promise<number> {
  let values: { username?: string; email?: string; password?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        username: { type: 'string' },
        email: { type: 'string' },
        password: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  try {
    const env = loadEnv();
    const input = {
      username: values.username ?? env.ADMIN_USERNAME ?? '',
      email: (values.email ?? env.ADMIN_EMAIL ?? '').toLowerCase(),
      password: values.password ?? env.ADMIN_PASSWORD ?? '',
    };
    const problems = adminInputProblems(input);
    if (problems.length > 0) {
      err(`Cannot create the admin:\n  - ${problems.join('\n  - ')}\n${USAGE}`);
      return 2;
    }
    await prepareDatabase({
      url: env.DATABASE_URL,
      autoCreate: env.DATABASE_AUTO_CREATE,
      autoMigrate: env.DATABASE_AUTO_MIGRATE,
      poolSize: 2,
    });
    const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
    try {
      const admin = await app.get(AdminAccountsService).createAdmin(input);
      out(`Created admin ${admin.username} <${admin.email}> (id ${admin.id}).`);
      return 0;
    } finally {
      await app.close();
    }
  } catch (e) {
    if (e instanceof DomainError) err(`Cannot create the admin: ${e.detail}`);
    else if (e instanceof ConfigError || e instanceof StartupError) err(e.message);
    else err(`Cannot create the admin: ${(e as Error).message}`);
    return 1;
  }
}

if (require.main === module) {
  void adminCreate(process.argv.slice(2)).then((code) => process.exit(code));
}
