import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { BookingErrors } from './bookings.errors';
import { isValidIdempotencyKey } from './idempotency';

/** The optional `Idempotency-Key` header, validated (400 problem when malformed). */
export const IdempotencyKeyHeader = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | undefined => {
    const value = ctx.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
    if (value === undefined) return undefined;
    if (!isValidIdempotencyKey(value)) throw BookingErrors.badKey();
    return value;
  },
);
