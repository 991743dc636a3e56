import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { ResponseObject } from '@nestjs/swagger';
import { problemType } from '../errors/problem';
import { ProblemDocumentDto } from '../errors/problem.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (validation problem with `errors`)',
  401: 'Missing, invalid or expired access token',
  403: 'Authenticated but not allowed',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Body too large',
  422: 'Well-formed but cannot be processed',
  429: 'Rate limited; see Retry-After',
  503: 'A dependency is unavailable',
};

/** What the global guards, pipes and filter answer for the statuses every route shares. */
const EXAMPLES: Record<number, { code: string; title: string; detail: string }> = {
  400: { code: 'VALIDATION_FAILED', title: 'Bad Request', detail: 'The request is invalid.' },
  401: {
    code: 'AUTH.UNAUTHENTICATED',
    title: 'Unauthorized',
    detail: 'A valid access token is required.',
  },
  403: { code: 'FORBIDDEN', title: 'Forbidden', detail: 'You are not allowed to do this.' },
  413: {
    code: 'PAYLOAD_TOO_LARGE',
    title: 'Payload Too Large',
    detail: 'The request body is too large.',
  },
};

function exampleFor(status: number): Record<string, unknown> | undefined {
  const known = EXAMPLES[status];
  if (!known) return undefined;
  return {
    type: problemType(known.code),
    title: known.title,
    status,
    detail: known.detail,
    code: known.code,
    correlationId: '0b6f6f1e-3c2a-4a8e-9d63-2f1f9c1b7a10',
    ...(status === 400
      ? { errors: [{ field: 'seats', message: 'seats must not be less than 1' }] }
      : {}),
  };
}

const RETRY_AFTER: ResponseObject['headers'] = {
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
};

/** The OpenAPI response object of a problem+json answer (also used by src/openapi-conventions). */
export function problemResponse(status: number): ResponseObject {
  const example = exampleFor(status);
  return {
    description: DESCRIPTIONS[status] ?? 'Problem',
    ...(status === 429 ? { headers: RETRY_AFTER } : {}),
    content: {
      'application/problem+json': {
        schema: { $ref: getSchemaPath(ProblemDocumentDto) },
        ...(example ? { example } : {}),
      },
    },
  };
}

/** Documents problem+json answers for the given statuses. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDocumentDto),
    ...statuses.map((status) => ApiResponse({ status, ...problemResponse(status) })),
  );
}
