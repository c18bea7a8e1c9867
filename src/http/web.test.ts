import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/precompress.ts';
import { registerErrorHandling } from './error-handler.ts';
import { webApp } from './web.ts';

const HTML = { accept: 'text/html,application/xhtml+xml' };
// Large enough to be worth compressing (scripts/precompress.ts skips files under 512 bytes).
const INDEX_HTML = `<!doctype html><html lang="ko"><head>${'<meta name="x" content="y">'.repeat(40)}</head><div id="root"></div></html>`;
const APP_JS = `export function app() {\n${'  console.log("culture ticket");\n'.repeat(60)}}\n`;

describe('web app serving', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    // A stand-in for web/dist, so the test needs no Vite build.
    dir = await mkdtemp(join(tmpdir(), 'ct-web-'));
    await mkdir(join(dir, 'assets'));
    await mkdir(join(dir, '.vite'));
    await writeFile(join(dir, 'index.html'), INDEX_HTML);
    await writeFile(join(dir, 'assets', 'index-abc123.js'), APP_JS);
    await writeFile(join(dir, 'assets', 'tiny-abc123.js'), 'console.log(1)');
    await writeFile(join(dir, '.vite', 'manifest.json'), '{}');
    // What the Vite build does after writing the bundle.
    await precompressDir(dir);
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

  describe('compression', () => {
    const decoders = { br: brotliDecompressSync, gzip: gunzipSync } as const;

    for (const encoding of ['br', 'gzip'] as const) {
      it(`sends the ${encoding} copy of index.html and of hashed assets to clients that accept it`, async () => {
        for (const [url, original, cache] of [
          ['/', INDEX_HTML, 'no-cache'],
          ['/performances/123', INDEX_HTML, 'no-cache'],
          ['/assets/index-abc123.js', APP_JS, 'immutable'],
        ] as const) {
          const res = await app.inject({
            url,
            headers: { ...HTML, 'accept-encoding': `${encoding}, deflate` },
          });
          expect(res.statusCode, url).toBe(200);
          expect(res.headers['content-encoding'], url).toBe(encoding);
          expect(res.headers.vary, url).toMatch(/accept-encoding/i);
          expect(res.headers['cache-control'], url).toContain(cache);
          const body = res.rawPayload;
          expect(body.length, url).toBeLessThan(Buffer.byteLength(original));
          expect(decoders[encoding](body).toString('utf8'), url).toBe(original);
        }
      });
    }

    it('prefers brotli when both are accepted', async () => {
      const res = await app.inject({
        url: '/assets/index-abc123.js',
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      });
      expect(res.headers['content-encoding']).toBe('br');
    });

    it('sends the file itself without Accept-Encoding, still varying on it', async () => {
      for (const [url, original] of [
        ['/', INDEX_HTML],
        ['/assets/index-abc123.js', APP_JS],
      ] as const) {
        const res = await app.inject({ url, headers: HTML });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-encoding'], url).toBeUndefined();
        expect(res.headers.vary, url).toMatch(/accept-encoding/i);
        expect(res.body, url).toBe(original);
      }
    });

    it('sends a file too small to compress as it is, and never serves the copies as files', async () => {
      const tiny = await app.inject({ url: '/assets/tiny-abc123.js', headers: { 'accept-encoding': 'br' } });
      expect(tiny.statusCode).toBe(200);
      expect(tiny.headers['content-encoding']).toBeUndefined();
      expect(tiny.body).toBe('console.log(1)');
      for (const url of ['/assets/index-abc123.js.br', '/index.html.gz']) {
        expect((await app.inject({ url, headers: HTML })).statusCode, url).toBe(404);
      }
    });
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
