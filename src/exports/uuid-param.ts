import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ValidationError } from '../common/errors';

/** A route id that must be a UUID: `/exports/abc` → 400 problem, not a database error. */
export function UuidParam(name = 'id'): ParameterDecorator {
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new ValidationError([{ field: name, message: `${name} must be a UUID` }]),
    }),
  );
}
