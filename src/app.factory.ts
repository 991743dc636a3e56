import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { ProblemFilter } from './common/errors';
import { createValidationPipe } from './common/validation';
import { loadEnv } from './config';
import { setupSwagger } from './openapi';

const NEST_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** JSON log lines; LOG_LEVEL and everything more severe. */
export function createLogger(): ConsoleLogger {
  const level = loadEnv().LOG_LEVEL as LogLevel;
  return new ConsoleLogger({
    json: true,
    logLevels: NEST_LEVELS.slice(0, NEST_LEVELS.indexOf(level) + 1),
  });
}

/** The HTTP app as `main` serves it and the e2e tests drive it (not yet listening). */
export async function createHttpApp(): Promise<NestFastifyApplication> {
  const env = loadEnv();
  const adapter = new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: env.TRUST_PROXY,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Idle keep-alive sockets must not hold a graceful shutdown open.
    forceCloseConnections: 'idle',
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    logger: createLogger(),
    bufferLogs: true,
    // Let a failed boot reach the caller (bootstrap prints two lines; tests see the error).
    abortOnError: false,
  });
  await configureHttpApp(app);
  return app;
}

async function configureHttpApp(app: NestFastifyApplication): Promise<void> {
  const env = loadEnv();
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableCors({ origin: env.CORS_ORIGINS === '*' ? true : env.CORS_ORIGINS.split(',') });
  await app.register(helmet, {
    // Swagger UI needs inline styles and data: images; scripts stay same-origin.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
      },
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  const accessLog = ['log', 'debug', 'verbose'].includes(env.LOG_LEVEL);
  fastify.addHook('onResponse', async (request, reply) => {
    if (accessLog) {
      const line = {
        level: 'log',
        context: 'http',
        timestamp: Date.now(),
        reqId: request.id,
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
  });
  setupSwagger(app);
}
