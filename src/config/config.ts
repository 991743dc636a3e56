import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { ConfigType, registerAs } from '@nestjs/config';
import { Env, validateEnv } from './env';
import { ttlToSeconds } from './validators';

let cached: Env | undefined;
let generatedSecret: string | undefined;

/** The validated environment, read once per process. The only place that touches process.env. */
export function loadEnv(): Env {
  if (!cached && process.env.NODE_ENV !== 'test' && existsSync('.env')) {
    // Values already in the environment win over the file.
    process.loadEnvFile('.env');
  }
  cached ??= validateEnv(process.env);
  return cached;
}

/** Pins the process role (the worker entry point) before anything reads the config. */
export function forceRole(role: 'api' | 'worker'): void {
  process.env.APP_ROLE = role;
  cached = undefined;
}

/** For tests and tools that must re-read the environment after changing it. */
export function resetEnvCache(): void {
  cached = undefined;
}

function jwtSecret(env: Env): { secret: string; generated: boolean } {
  if (env.JWT_SECRET) return { secret: env.JWT_SECRET, generated: false };
  generatedSecret ??= randomBytes(32).toString('hex');
  return { secret: generatedSecret, generated: true };
}

export const appConfig = registerAs('app', () => {
  const env = loadEnv();
  return {
    nodeEnv: env.NODE_ENV,
    role: env.APP_ROLE,
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    appUrl: env.APP_URL.replace(/\/+$/, ''),
    corsOrigins: env.CORS_ORIGINS === '*' ? true : env.CORS_ORIGINS.split(',').map((s) => s.trim()),
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: env.TRUST_PROXY,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    defaultVenueTimezone: env.DEFAULT_VENUE_TIMEZONE,
  };
});

export const databaseConfig = registerAs('database', () => {
  const env = loadEnv();
  return {
    url: env.DATABASE_URL,
    autoCreate: env.DATABASE_AUTO_CREATE,
    autoMigrate: env.DATABASE_AUTO_MIGRATE,
    poolSize: env.DATABASE_POOL_SIZE,
  };
});

export const redisConfig = registerAs('redis', () => {
  const env = loadEnv();
  return { url: env.REDIS_URL, prefix: env.REDIS_PREFIX };
});

export const authConfig = registerAs('auth', () => {
  const env = loadEnv();
  const { secret, generated } = jwtSecret(env);
  return {
    secret,
    secretGenerated: generated,
    issuer: 'ticket-show',
    audience: 'ticket-show-api',
    accessTtlSeconds: ttlToSeconds(env.JWT_ACCESS_TTL),
    refreshTtlSeconds: ttlToSeconds(env.JWT_REFRESH_TTL),
    rateLimitPerMinute: env.RATE_LIMIT_AUTH_PER_MINUTE,
    admin: env.ADMIN_USERNAME
      ? { username: env.ADMIN_USERNAME, email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }
      : undefined,
  };
});

export const mailConfig = registerAs('mail', () => {
  const env = loadEnv();
  return {
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    timeoutMs: env.SMTP_TIMEOUT_MS,
    retryDelayMs: env.MAIL_RETRY_DELAY_MS,
  };
});

export const jobsConfig = registerAs('jobs', () => {
  const env = loadEnv();
  return {
    dailyReminderCron: env.DAILY_REMINDER_CRON,
    monthlyReportCron: env.MONTHLY_REPORT_CRON,
    timezone: env.SCHEDULE_TIMEZONE,
    schedulesEnabled: env.SCHEDULES_ENABLED,
    exportDir: env.EXPORT_DIR,
    exportRetentionDays: env.EXPORT_RETENTION_DAYS,
  };
});

export const cacheConfig = registerAs('cache', () => {
  const env = loadEnv();
  return {
    url: env.CACHE_REDIS_URL ?? env.REDIS_URL,
    namespace: `${env.REDIS_PREFIX}:cache`,
    ttlSeconds: env.CACHE_TTL_SECONDS,
    timeoutMs: env.CACHE_TIMEOUT_MS,
  };
});

export const bookingConfig = registerAs('booking', () => {
  const env = loadEnv();
  return {
    maxSeatsPerBooking: env.MAX_SEATS_PER_BOOKING,
    maxSeatsPerUserPerShow: env.MAX_SEATS_PER_USER_PER_SHOW,
    idempotencyTtlHours: env.IDEMPOTENCY_TTL_HOURS,
  };
});

export const allConfigs = [
  appConfig,
  databaseConfig,
  redisConfig,
  authConfig,
  mailConfig,
  jobsConfig,
  cacheConfig,
  bookingConfig,
];

export type AppConfig = ConfigType<typeof appConfig>;
export type DatabaseConfig = ConfigType<typeof databaseConfig>;
export type RedisConfig = ConfigType<typeof redisConfig>;
export type AuthConfig = ConfigType<typeof authConfig>;
export type MailConfig = ConfigType<typeof mailConfig>;
export type JobsConfig = ConfigType<typeof jobsConfig>;
export type CacheConfig = ConfigType<typeof cacheConfig>;
export type BookingConfig = ConfigType<typeof bookingConfig>;
