/**
 * Writes openapi.json from the compiled code (run through `npm run openapi`, see
 * scripts/openapi.js): the Swagger CLI plugin only runs in `nest build`, so DTO schemas and
 * JSDoc descriptions exist only in dist/. The app graph is built in preview mode: no provider
 * is instantiated, so nothing connects to PostgreSQL, Redis or SMTP.
 *
 *   node dist/scripts/generate-openapi.js [--check] [--out <file>]
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { format } from 'prettier';
import { AppModule } from '../src/app.module';
import { buildOpenApiDocument } from '../src/openapi';
import { describeDrift } from './openapi-drift';

async function render(): Promise<string> {
  const app = await NestFactory.create(AppModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
    // Throw (and print below) instead of a silent process.exit(1) when the graph cannot resolve.
    abortOnError: false,
  });
  try {
    const document = buildOpenApiDocument(app);
    // Prettier, so the committed file also passes `npm run format:check` byte for byte.
    return await format(JSON.stringify(document), { parser: 'json', printWidth: 100 });
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const out = resolve(outIndex >= 0 ? args[outIndex + 1] : 'openapi.json');
  const fresh = await render();
  if (!args.includes('--check')) {
    writeFileSync(out, fresh);
    console.log(`Wrote ${out}`);
    return;
  }
  let committed = '';
  try {
    committed = readFileSync(out, 'utf8');
  } catch {
    // Missing counts as drift.
  }
  if (committed === fresh) {
    console.log(`${out} is up to date.`);
    return;
  }
  console.error(`${out} differs from the code:\n${describeDrift(committed, fresh)}`);
  console.error('Run `npm run openapi` (then `npm run client:generate`) and commit the result.');
  process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
