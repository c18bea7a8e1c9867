import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Where `npm run build:web` puts the web app. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Paths the web app never answers: they belong to the API and the operations endpoints. */
const RESERVED = ['/api', '/docs', '/health', '/metrics'];

function isReserved(path: string): boolean {
  return RESERVED.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

export function webAppBuilt(root: string = WEB_DIST): boolean {
  return existsSync(join(root, 'index.html'));
}

/**
 * Serves the built web app at `/`, compressed ahead of time (brotli or gzip, whichever the client
 * accepts; the file itself otherwise): hashed assets with a long cache, and index.html for any other
 * GET that asks for HTML (the SPA's client-side routes). API, docs, health and metrics paths are
 * never answered here, so an unknown /api/v1 route stays a problem+json 404.
 */
export async function webApp(app: FastifyInstance, opts: { root?: string } = {}): Promise<void> {
  const root = opts.root ?? WEB_DIST;
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // One route per file present at start (no catch-all), so unknown paths reach the fallback below.
    // Every file but index.html has a content hash in its name: cache it for good.
    wildcard: false,
    index: false,
    // The build writes a brotli (.br) and a gzip (.gz) copy beside each text file
    // (scripts/precompress.ts): those are sent for clients that accept them, with Content-Encoding
    // and Vary: Accept-Encoding, and are never routes of their own.
    preCompressed: true,
    globIgnore: ['index.html', '.vite/**', '**/*.br', '**/*.gz'],
    maxAge: '365d',
    immutable: true,
  });

  const fallback = async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const path = request.url.split('?')[0] ?? '/';
    // The root is always the app; deeper paths only for clients asking for HTML (browsers).
    const wantsHtml = path === '/' || (request.headers.accept ?? '').includes('text/html');
    // A missing file (an old hashed asset, a typo) is a 404, not the app's HTML.
    const looksLikeFile = /\.[a-z0-9]+$/i.test(path) && path !== '/index.html';
    if (isReserved(path) || !wantsHtml || looksLikeFile) return reply.callNotFound();
    // index.html names the current hashed assets, so it is revalidated on every visit.
    return reply
      .header('cache-control', 'no-cache')
      .sendFile('index.html', root, { cacheControl: false, maxAge: 0, immutable: false });
  };
  app.get('/', { schema: { hide: true } }, fallback);
  app.get('/*', { schema: { hide: true } }, fallback);
}
