import { createTestApp, TestApp } from './support/app';

describe('foundation (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness and readiness with PostgreSQL and Redis up', async () => {
    await t.http.get('/health').expect(200, { status: 'ok' });
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.details).toEqual({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('answers an unknown route with a 404 problem document and a correlation id', async () => {
    const res = await t.http.get('/no-such-route').set('x-request-id', 'req-abc').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['x-request-id']).toBe('req-abc');
    expect(res.body).toMatchObject({
      type: '/problems/not-found',
      title: 'Not Found',
      status: 404,
      code: 'NOT_FOUND',
      correlationId: 'req-abc',
    });
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await t.http
      .post('/health')
      .set('content-type', 'application/json')
      .send('{"broken":')
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'INVALID_JSON' });
  });

  it('refuses bodies over the size limit with 413', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(200_000) });
    const res = await t.http.post('/health').set('content-type', 'application/json').send(big);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('sends helmet security headers', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('serves Swagger UI and the OpenAPI document with bearer auth declared', async () => {
    await t.http.get('/docs').expect(200).expect('content-type', /html/);
    const doc = await t.http.get('/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.components.securitySchemes.bearer).toMatchObject({ scheme: 'bearer' });
  });
});
