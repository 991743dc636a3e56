import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

/**
 * A route of the seed Flask app: `legacy` tag, `deprecated: true`, and the canonical route that
 * replaces it named in the description.
 */
export function Legacy(summary: string, replacement: string): MethodDecorator {
  return applyDecorators(
    ApiTags('legacy'),
    ApiOperation({
      summary,
      deprecated: true,
      description: `Kept for clients of the original app. Use \`${replacement}\` instead.`,
    }),
  );
}
