import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from './context.ts';

describe('HTTP platform', () => {
  let t: TestApp & { env: TestEnv };
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(() => t.close());

  it('answers an unknown route with 404 problem+json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      title: expect.any(String),
      type: expect.any(String),
    });
  });

  it('sets the full document security headers outside the API', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health/live' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('sets the compact API security headers on API responses, errors included', async () => {
    for (const url of ['/api/v1/categories', '/api/v1/nothing-here']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toContain('max-age=');
      // Document-only headers are not repeated on every API response.
      expect(res.headers['referrer-policy']).toBeUndefined();
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('allows configured CORS origins only, with credentials', async () => {
    const ok = await t.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { origin: 'http://localhost:5173' },
    });
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(ok.headers['access-control-allow-credentials']).toBe('true');
    expect(ok.headers.vary).toContain('Origin');
    const no = await t.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { origin: 'https://evil.example' },
    });
    expect(no.headers['access-control-allow-origin']).toBeUndefined();
    expect(no.headers['access-control-allow-credentials']).toBeUndefined();
    const sameOrigin = await t.app.inject({ method: 'GET', url: '/api/v1/categories' });
    expect(sameOrigin.headers['access-control-allow-origin']).toBeUndefined();
    expect(sameOrigin.headers.vary).toContain('Origin');
  });

  it('answers a preflight from an allowed origin before authentication, and refuses others', async () => {
    const preflight = (origin: string) =>
      t.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/me/reservations',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type, idempotency-key',
        },
      });
    const ok = await preflight('http://localhost:5173');
    expect(ok.statusCode).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(ok.headers['access-control-allow-methods']).toContain('POST');
    expect(ok.headers['access-control-allow-headers']).toBe('authorization, content-type, idempotency-key');
    expect(ok.headers['access-control-max-age']).toBe('600');
    const evil = await preflight('https://evil.example');
    expect(evil.statusCode).toBe(404);
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    expect(evil.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('does not take a request id from the client', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'injected\nline' },
    });
    expect(res.headers['x-request-id']).not.toBe('injected\nline');
  });
});
