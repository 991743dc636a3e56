import type { OperationObject } from '@nestjs/swagger';
import { applyRouteConventions, summaryFromOperationId } from './openapi-conventions';

const operation = (extra: Partial<OperationObject> = {}): OperationObject => ({
  operationId: 'listShows',
  responses: { '200': { description: 'OK' } },
  ...extra,
});

describe('OpenAPI route conventions', () => {
  it('marks @Public routes with an explicit empty security and no 401', () => {
    const op = operation();
    applyRouteConventions(op, { isPublic: true, roles: [] });
    expect(op.security).toEqual([]);
    expect(Object.keys(op.responses)).toEqual(['200']);
  });

  it('puts bearer security and a 401 problem on protected routes, a 403 on admin routes', () => {
    const op = operation();
    applyRouteConventions(op, { isPublic: false, roles: ['admin'] });
    expect(op.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(op.responses)).toEqual(['200', '401', '403']);
    expect(op.responses['401']).toMatchObject({
      content: { 'application/problem+json': { example: { code: 'AUTH.UNAUTHENTICATED' } } },
    });
  });

  it('adds 400 where there is input and 413 where there is a body, keeping declared ones', () => {
    const op = operation({
      requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
      responses: { '201': { description: 'Created' }, '400': { description: 'Mine' } },
    });
    applyRouteConventions(op, { isPublic: true, roles: [] });
    expect(Object.keys(op.responses)).toEqual(['201', '400', '413']);
    expect(op.responses['400']).toEqual({ description: 'Mine' });
  });

  it('makes query parameters with a default optional', () => {
    const op = operation({
      parameters: [
        { name: 'limit', in: 'query', required: true, schema: { type: 'number', default: 20 } },
        { name: 'date', in: 'query', required: true, schema: { type: 'string' } },
      ],
    });
    applyRouteConventions(op, { isPublic: true, roles: [] });
    expect(op.parameters?.map((p) => ('required' in p ? p.required : undefined))).toEqual([
      false,
      true,
    ]);
  });

  it('keeps the first sentence of the JSDoc as summary and the whole text as description', () => {
    const op = operation({ summary: 'Shows by start time. `date` is a venue-local day.\nMore.' });
    applyRouteConventions(op, { isPublic: true, roles: [] });
    expect(op.summary).toBe('Shows by start time');
    expect(op.description).toBe('Shows by start time. `date` is a venue-local day.\nMore.');
  });

  it('derives a summary from the operation id when the method has no JSDoc', () => {
    expect(summaryFromOperationId('listVenuesWithShows')).toBe('List venues with shows');
    const op = operation();
    applyRouteConventions(op, undefined);
    expect(op.summary).toBe('List shows');
  });
});
