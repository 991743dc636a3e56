import { FieldError } from './domain-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, plus our stable `code` and the request's correlation id. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  correlationId?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

/** `BOOKING.INSUFFICIENT_SEATS` → `/problems/booking-insufficient-seats` (see docs/problems.md). */
export function problemType(code: string): string {
  return `/problems/${code.toLowerCase().replace(/[._]/g, '-')}`;
}
