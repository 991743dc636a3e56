/** A field-level validation message in a problem document. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * The one base class for errors the API answers on purpose. `code` is stable and machine-readable
 * (`BOOKING.INSUFFICIENT_SEATS`); the global filter maps it to an RFC 9457 problem document.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly title: string;

  constructor(
    readonly code: string,
    readonly detail: string,
    /** Extra members of the problem document (e.g. `seatsAvailable`). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class BadRequestError extends DomainError {
  readonly status = 400;
  readonly title = 'Bad Request';
}

export class ValidationError extends DomainError {
  readonly status = 400;
  readonly title = 'Validation failed';
  constructor(
    readonly errors: FieldError[],
    detail = 'The request has invalid fields.',
  ) {
    super('VALIDATION_FAILED', detail);
  }
}

export class UnauthorizedError extends DomainError {
  readonly status = 401;
  readonly title = 'Unauthorized';
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly title = 'Forbidden';
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly title = 'Not Found';
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly title = 'Conflict';
}

export class UnprocessableError extends DomainError {
  readonly status = 422;
  readonly title = 'Unprocessable Content';
}

export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  readonly title = 'Too Many Requests';
  constructor(
    code: string,
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, detail);
  }
}

export class ServiceUnavailableError extends DomainError {
  readonly status = 503;
  readonly title = 'Service Unavailable';
}
