import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  DomainError,
  ServiceUnavailableError,
  TooManyRequestsError,
  ValidationError,
} from './domain-error';
import { PROBLEM_CONTENT_TYPE, ProblemDocument, problemType } from './problem';

/** HttpExceptions thrown by Nest itself or by libraries (404 route, 413 body, throttler…). */
const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** Fastify's body-parser failures reach us re-wrapped by Nest as a bare 400 HttpException. */
const INVALID_JSON = /not valid JSON|Body cannot be empty/i;

/** `NOT_FOUND` → `Not Found`. */
function titleOf(status: number): string {
  const name = (HttpStatus[status] as string | undefined) ?? 'ERROR';
  return name
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** PostgreSQL under load: pool wait timeout, statement timeout, too many connections. */
const OVERLOAD_PG_CODES = new Set(['57014', '53300', '57P03']);

/**
 * Saturation is not a bug in the request: answer 503 with Retry-After so clients back off,
 * instead of a 500.
 */
function overloadToDomain(exception: unknown): ServiceUnavailableError | undefined {
  const err = exception as { code?: unknown; message?: unknown } | null;
  const pgCode = typeof err?.code === 'string' ? err.code : '';
  const message = typeof err?.message === 'string' ? err.message : '';
  if (
    OVERLOAD_PG_CODES.has(pgCode) ||
    message.includes('timeout exceeded when trying to connect')
  ) {
    return new ServiceUnavailableError('DATABASE.BUSY', 'The database is busy; retry shortly.');
  }
  return undefined;
}

/** Fastify's own errors (malformed JSON, too large, bad content type) carry a statusCode. */
interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/**
 * The single place errors become HTTP: every answer that is not a success is an
 * `application/problem+json` document with a stable `code` and the request's correlation id.
 * Unknown errors are logged with their stack and answered as a plain 500.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(caught: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw caught;
    const exception = overloadToDomain(caught) ?? caught;
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const problem = this.toProblem(exception, request);
    if (exception instanceof TooManyRequestsError) {
      void reply.header('Retry-After', String(exception.retryAfterSeconds));
    } else if (problem.status === 503) {
      void reply.header('Retry-After', '1');
    }
    void reply.status(problem.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toProblem(exception: unknown, request: FastifyRequest): ProblemDocument {
    const base = { instance: request.url, correlationId: String(request.id) };
    if (exception instanceof DomainError) {
      return {
        type: problemType(exception.code),
        title: exception.title,
        status: exception.status,
        detail: exception.detail,
        code: exception.code,
        ...base,
        ...exception.extra,
        ...(exception instanceof ValidationError ? { errors: exception.errors } : {}),
      };
    }
    const status = this.statusOf(exception);
    if (status === 503 && exception instanceof HttpException) {
      // e.g. the readiness check: say which dependency is down, nothing more.
      const body = exception.getResponse() as { details?: unknown };
      return {
        type: problemType('SERVICE_UNAVAILABLE'),
        title: 'Service Unavailable',
        status,
        detail: 'A dependency is unavailable.',
        code: 'SERVICE_UNAVAILABLE',
        ...base,
        ...(typeof body === 'object' && body.details ? { checks: body.details } : {}),
      };
    }
    if (status !== undefined && status < 500) {
      const code = this.codeOf(exception, status);
      return {
        type: problemType(code),
        title: titleOf(status),
        status,
        detail: this.detailOf(exception, status),
        code,
        ...base,
      };
    }
    this.logger.error(
      { msg: 'Unhandled error', reqId: request.id, url: request.url },
      exception instanceof Error ? exception.stack : String(exception),
    );
    return {
      type: problemType('INTERNAL'),
      title: 'Internal Server Error',
      status: 500,
      detail: 'Something went wrong on our side. Quote the correlation id when reporting it.',
      code: 'INTERNAL',
      ...base,
    };
  }

  private codeOf(exception: unknown, status: number): string {
    if (status === 400 && INVALID_JSON.test((exception as Error).message ?? '')) {
      return 'INVALID_JSON';
    }
    return HTTP_CODES[status] ?? `HTTP_${status}`;
  }

  private statusOf(exception: unknown): number | undefined {
    if (exception instanceof HttpException) return exception.getStatus();
    const status = (exception as FastifyLikeError | null)?.statusCode;
    return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
  }

  private detailOf(exception: unknown, status: number): string {
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const message =
        typeof body === 'string' ? body : (body as { message?: string | string[] }).message;
      if (
        status === 404 &&
        /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)/.test(String(message))
      ) {
        return `No route for ${String(message).replace(/^Cannot /, '')}.`;
      }
      if (status === 400 && INVALID_JSON.test(String(message))) {
        return 'The request body is not valid JSON.';
      }
      return Array.isArray(message) ? message.join('; ') : (message ?? exception.message);
    }
    return (exception as FastifyLikeError).message ?? 'Bad request.';
  }
}
