import type { FastifyInstance } from 'fastify';

const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/**
 * CORS for an allow-list of browser origins, with credentials (the refresh cookie). Our own web app
 * is same-origin (served by the API, proxied by Vite in development); this is for other front ends
 * an operator lists in CORS_ORIGINS. A request without an Origin header — every server-to-server
 * call and every same-origin GET — costs one header and nothing else.
 *
 * Preflights are answered here, before authentication hooks, because browsers send them without the
 * Authorization header.
 */
export function registerCors(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const allowed = new Set(allowedOrigins);

  app.addHook('onRequest', (request, reply, done) => {
    // The answer depends on Origin, so shared caches must key on it.
    reply.header('vary', 'Origin');
    const origin = request.headers.origin;
    if (origin === undefined || !allowed.has(origin)) return done();
    reply.header('access-control-allow-origin', origin);
    reply.header('access-control-allow-credentials', 'true');
    reply.header('access-control-expose-headers', 'retry-after, x-request-id, location');
    const requestedMethod = request.headers['access-control-request-method'];
    if (request.method !== 'OPTIONS' || requestedMethod === undefined) return done();
    reply.header('access-control-allow-methods', ALLOWED_METHODS);
    const requestedHeaders = request.headers['access-control-request-headers'];
    if (requestedHeaders) reply.header('access-control-allow-headers', requestedHeaders);
    reply.header('access-control-max-age', PREFLIGHT_MAX_AGE_SECONDS);
    void reply.code(204).send();
  });

  // Lets OPTIONS reach the hook above on every path; a preflight from an unlisted origin ends here.
  app.options('*', { schema: { hide: true } }, async (_request, reply) => reply.callNotFound());
}
