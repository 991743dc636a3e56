import { Param, ParseIntPipe } from '@nestjs/common';
import { ValidationError } from './errors';

const MAX_INT4 = 2_147_483_647;

/** A route id that must be a positive integer: `/venues/abc` → 400, not a 500 or a 404. */
export function IdParam(name = 'id'): ParameterDecorator {
  return Param(
    name,
    new ParseIntPipe({
      exceptionFactory: () =>
        new ValidationError([{ field: name, message: `${name} must be a positive integer` }]),
    }),
    {
      transform(value: number) {
        if (value < 1 || value > MAX_INT4) {
          throw new ValidationError([
            { field: name, message: `${name} must be a positive integer` },
          ]);
        }
        return value;
      },
    },
  );
}
