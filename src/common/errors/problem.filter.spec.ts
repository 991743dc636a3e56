import { ArgumentsHost, Logger, NotFoundException } from '@nestjs/common';
import { ConflictError } from './domain-error';
import { ProblemFilter } from './problem.filter';

function run(exception: unknown) {
  const sent: { status?: number; headers: Record<string, string>; body?: Record<string, unknown> } =
    {
      headers: {},
    };
  const reply = {
    status: (s: number) => ((sent.status = s), reply),
    header: (k: string, v: string) => ((sent.headers[k] = v), reply),
    send: (b: Record<string, unknown>) => ((sent.body = b), reply),
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({
      getRequest: () => ({ url: '/x', id: 'req-1' }),
      getResponse: () => reply,
    }),
  } as unknown as ArgumentsHost;
  new ProblemFilter().catch(exception, host);
  return sent;
}

describe('ProblemFilter', () => {
  // The unknown-error case logs its stack on purpose; keep the test output readable.
  beforeEach(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('maps a domain error to its status, code and extra members', () => {
    const sent = run(
      new ConflictError('BOOKING.INSUFFICIENT_SEATS', 'Only 3 left.', { seatsAvailable: 3 }),
    );
    expect(sent.status).toBe(409);
    expect(sent.headers['Content-Type']).toBe('application/problem+json');
    expect(sent.body).toMatchObject({
      type: '/problems/booking-insufficient-seats',
      code: 'BOOKING.INSUFFICIENT_SEATS',
      seatsAvailable: 3,
      correlationId: 'req-1',
    });
  });

  it('answers a saturated database pool with 503 and Retry-After, not 500', () => {
    const sent = run(new Error('timeout exceeded when trying to connect'));
    expect(sent.status).toBe(503);
    expect(sent.headers['Retry-After']).toBe('1');
    expect(sent.body?.code).toBe('DATABASE.BUSY');
  });

  it('hides the internals of an unknown error behind a plain 500', () => {
    const sent = run(new Error('secret stack detail'));
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toContain('secret');
  });

  it('keeps Nest HTTP exceptions as problems with a title-cased title', () => {
    const sent = run(new NotFoundException('Cannot GET /nope'));
    expect(sent.body).toMatchObject({ status: 404, title: 'Not Found', code: 'NOT_FOUND' });
  });
});
