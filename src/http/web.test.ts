import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from './error-handler.ts';
import { webApp } from './web.ts';

const HTML = { accept: 'text/html,application/xhtml+xml' };

describe('web app serving', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    // A stand-in for web/dist, so the test needs no Vite build.
    dir = await mkdtemp(join(tmpdir(), 'ct-web-'));
    await mkdir(join(dir, 'assets'));
    await mkdir(join(dir, '.vite'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    await writeFile(join(dir, '.vite', 'manifest.json'), '{}');
    app = Fastify();
    registerErrorHandling(app);
    await app.register(
      async (api) => {
        api.get('/ping', async () => ({ ok: true }));
      },
      { prefix: '/api/v1' },
    );
    app.get('/health/live', async () => ({ status: 'ok' }));
    await app.register(webApp, { root: dir });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and for client-side routes that ask for HTML', async () => {
    for (const url of ['/', '/performances/123', '/admin/check-in?x=1', '/index.html']) {
      const res = await app.inject({ url, headers: HTML });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('id="root"');
    }
  });

  it('serves hashed assets with a long immutable cache', async () => {
    const res = await app.inject({ url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('leaves API, docs, health and metrics paths alone', async () => {
    expect((await app.inject({ url: '/api/v1/ping', headers: HTML })).json()).toEqual({ ok: true });
    expect((await app.inject({ url: '/health/live', headers: HTML })).json()).toEqual({ status: 'ok' });
    for (const url of ['/api/v1/nope', '/api/v2', '/docs/missing', '/metrics/x', '/health/nope']) {
      const res = await app.inject({ url, headers: HTML });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('NOT_FOUND');
    }
  });

  it('answers 404, not the HTML, for missing files, non-HTML requests and the build manifest', async () => {
    for (const [url, accept] of [
      ['/assets/old-deadbeef.js', HTML.accept],
      ['/performances/123', 'application/json'],
      ['/.vite/manifest.json', HTML.accept],
    ] as const) {
      const res = await app.inject({ url, headers: { accept } });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});
