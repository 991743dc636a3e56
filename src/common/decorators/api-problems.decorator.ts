import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { ResponseObject } from '@nestjs/swagger';
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

const RETRY_AFTER: ResponseObject['headers'] = {
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
};

/** The OpenAPI response object of a problem+json answer (also used by src/openapi-conventions). */
export function problemResponse(status: number): ResponseObject {
  return {
    description: DESCRIPTIONS[status] ?? 'Problem',
    ...(status === 429 ? { headers: RETRY_AFTER } : {}),
    content: {
      'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDocumentDto) } },
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
