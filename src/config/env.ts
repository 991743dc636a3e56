import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { isValidCron, isValidTimeZone, TTL_PATTERN } from './validators';

export const APP_ROLES = ['all', 'api', 'worker'] as const;
export type AppRole = (typeof APP_ROLES)[number];
export const NODE_ENVS = ['development', 'production', 'test'] as const;

const toBool = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/**
 * Every environment variable the service reads, with its development default.
 * `.env.example` documents the same list; `validateEnv` is the only reader of process.env.
 */
export class Env {
  @IsIn(NODE_ENVS) NODE_ENV: (typeof NODE_ENVS)[number] = 'development';
  @IsIn(APP_ROLES) APP_ROLE: AppRole = 'all';
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsString() HOST = '0.0.0.0';
  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose']) LOG_LEVEL = 'log';
  @IsUrl({ require_tld: false }) APP_URL = 'http://localhost:3000';
  @IsString() CORS_ORIGINS = '*';
  /** Trust X-Forwarded-For (set behind a load balancer so rate limits see client IPs). */
  @Transform(toBool) @IsBoolean() TRUST_PROXY = false;
  @Transform(toInt) @IsInt() @Min(0) SHUTDOWN_TIMEOUT_MS = 10_000;
  @Transform(toInt) @IsInt() @Min(1024) BODY_LIMIT_BYTES = 100_000;

  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@localhost:5432/ticketshow';
  @Transform(toBool) @IsBoolean() DATABASE_AUTO_CREATE = true;
  @Transform(toBool) @IsBoolean() DATABASE_AUTO_MIGRATE = true;
  @Transform(toInt) @IsInt() @Min(1) @Max(200) DATABASE_POOL_SIZE = 10;

  @Matches(/^rediss?:\/\//, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://localhost:6379';
  @Matches(/^[A-Za-z0-9_.:-]+$/, { message: 'letters, digits and _ . : - only' })
  REDIS_PREFIX = 'ticketshow';
  /** The listing cache's Redis (defaults to REDIS_URL). */
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'must be a redis:// URL' })
  CACHE_REDIS_URL?: string;

  @IsOptional() @IsString() @MinLength(32) JWT_SECRET?: string;
  @Matches(TTL_PATTERN, { message: 'must look like 900, 15m, 12h or 7d' }) JWT_ACCESS_TTL = '15m';
  @Matches(TTL_PATTERN, { message: 'must look like 900, 15m, 12h or 7d' }) JWT_REFRESH_TTL = '7d';

  @Matches(/^smtps?:\/\//, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://localhost:1025';
  @IsString() MAIL_FROM = 'Ticket Show <no-reply@ticketshow.local>';
  @Transform(toInt) @IsInt() @Min(1000) SMTP_TIMEOUT_MS = 10_000;
  /** Base delay of a failed email's exponential backoff (5 attempts: x1, x2, x4, x8). */
  @Transform(toInt) @IsInt() @Min(10) MAIL_RETRY_DELAY_MS = 30_000;

  @IsOptional() @Matches(/^[A-Za-z0-9_.-]{3,30}$/) ADMIN_USERNAME?: string;
  @IsOptional() @IsString() ADMIN_EMAIL?: string;
  @IsOptional() @IsString() @MinLength(10) ADMIN_PASSWORD?: string;

  @IsString() EXPORT_DIR = './exports';
  @Transform(toInt) @IsInt() @Min(1) EXPORT_RETENTION_DAYS = 7;
  @Transform(toInt) @IsInt() @Min(1) @Max(86400) CACHE_TTL_SECONDS = 30;
  @Transform(toInt) @IsInt() @Min(5) @Max(10_000) CACHE_TIMEOUT_MS = 150;

  @IsString() DAILY_REMINDER_CRON = '0 19 * * *';
  @IsString() MONTHLY_REPORT_CRON = '0 9 1 * *';
  @IsString() SCHEDULE_TIMEZONE = 'Asia/Kolkata';
  @IsString() DEFAULT_VENUE_TIMEZONE = 'Asia/Kolkata';
  @Transform(toBool) @IsBoolean() SCHEDULES_ENABLED = true;

  @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_AUTH_PER_MINUTE = 30;
  @Transform(toInt) @IsInt() @Min(1) @Max(1000) MAX_SEATS_PER_BOOKING = 10;
  @Transform(toInt) @IsInt() @Min(1) MAX_SEATS_PER_USER_PER_SHOW = 20;
  @Transform(toInt) @IsInt() @Min(1) IDEMPOTENCY_TTL_HOURS = 24;
}

export class ConfigError extends Error {}

/** Validates raw env; throws ConfigError listing every bad variable by name. */
export function validateEnv(raw: Record<string, unknown>): Env {
  const defined = Object.fromEntries(
    Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''),
  );
  const env = plainToInstance(Env, defined, { exposeDefaultValues: true });
  const problems = validateSync(env, { whitelist: false }).map(
    (e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`,
  );
  if (!isValidCron(env.DAILY_REMINDER_CRON)) problems.push('DAILY_REMINDER_CRON: not a valid cron');
  if (!isValidCron(env.MONTHLY_REPORT_CRON)) problems.push('MONTHLY_REPORT_CRON: not a valid cron');
  for (const key of ['SCHEDULE_TIMEZONE', 'DEFAULT_VENUE_TIMEZONE'] as const) {
    if (!isValidTimeZone(env[key])) problems.push(`${key}: not an IANA time zone`);
  }
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    problems.push('JWT_SECRET: required in production (at least 32 characters)');
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return env;
}
