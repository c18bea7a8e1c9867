import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import ajvFormats from 'ajv-formats';
import type { Container } from './container.ts';
import { registerErrorHandling, sendProblem, toProblem } from './http/error-handler.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerCors } from './http/cors.ts';
import { requestLoggerFactory } from './http/request-logger.ts';
import { authGuard } from './http/auth-guard.ts';
import { accessRules, publicScope } from './http/access.ts';
import { rateLimitKeys } from './http/rate-limit-key.ts';
import { localFirstRedisStore } from './http/rate-limit-store.ts';
import { leasedLimits, tooManyRequests } from './http/leased-limit.ts';
import { FastLane } from './http/fast-lane.ts';
import { readYourWrites } from './http/read-your-writes.ts';
import { AppError } from './errors.ts';
import { finiteNumbers } from './http/schemas.ts';
import { webApp, webAppBuilt } from './http/web.ts';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

const KEEP_ALIVE_TIMEOUT_MS = 72_000;
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Builds the HTTP API: platform plugins → module routes → error handling. No listening here, so
 * tests drive it with `app.inject()` and main.ts decides the port.
 */
export async function buildApp(container: Container): Promise<App> {
  const { config, metrics } = container;
  const limitStore = localFirstRedisStore(container.redis, 'rl:');
  const trustProxy = config.TRUST_PROXY ? config.TRUST_PROXY.split(',').map((s) => s.trim()) : [];
  const fastLane = new FastLane({
    // Fastify logs every request at info: the lane, which would skip that log, is off then.
    enabled: config.FAST_LANE && !container.log.isLevelEnabled('info'),
    tokens: container.tokens,
    counters: limitStore.leases,
    nameSpace: 'rl:',
    corsOrigins: new Set(config.CORS_ORIGINS),
    trustProxy,
    httpDuration: metrics.httpDuration,
    answers: metrics.fastLaneAnswers,
    log: container.log as FastifyBaseLogger,
  });
  const app = Fastify({
    // The HTTP server Fastify would make, with the fast lane in front (src/http/fast-lane.ts).
    // Fastify leaves the server's timeouts to whoever makes it: the same three as below.
    serverFactory: (handler) => {
      const server = createServer((request, response) => {
        fastLane.handle(request, response, () => handler(request, response));
      });
      server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
      server.requestTimeout = REQUEST_TIMEOUT_MS;
      server.setTimeout(0);
      return server;
    },
    loggerInstance: container.log as FastifyBaseLogger,
    genReqId: () => randomUUID(),
    childLoggerFactory: requestLoggerFactory,
    // A client-chosen request id is not trusted: we generate our own and return it.
    requestIdHeader: false,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: trustProxy.length > 0 ? trustProxy : false,
    connectionTimeout: 0,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // The router's own refusals (a malformed URL, an over-long path parameter) as problem+json too.
    frameworkErrors: (error, _request, reply) => {
      sendProblem(reply, toProblem(error));
    },
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true },
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      plugins: [ajvFormats as any, finiteNumbers],
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerSecurityHeaders(app);
  // A callback hook, not an async one: it runs on every response and needs no promise.
  app.addHook('onResponse', (request, reply, done) => {
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });

  registerErrorHandling(app);

  registerCors(app, config.CORS_ORIGINS);
  await app.register(rateLimit, {
    // Limits apply where abuse matters (login, signup, queue entry); each route opts in with its own numbers.
    global: false,
    // Counters live in Redis (shared by every instance); repeats of a key already over its limit are
    // answered in process until its window ends (src/http/rate-limit-store.ts).
    store: limitStore,
    skipOnError: true,
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', tooManyRequests(Math.ceil(context.ttl / 1000)), undefined, {
        'retry-after': String(Math.ceil(context.ttl / 1000)),
      }),
  });
  // The poll's and the hold's leased limits: our own hook over the same store (src/http/leased-limit.ts).
  await app.register(leasedLimits, { counters: limitStore.leases, nameSpace: 'rl:' });
  app.decorate('fastLane', fastLane);
  // From the start of close on, Fastify answers every request (503 for new ones, as configured).
  app.addHook('preClose', (done) => {
    fastLane.close();
    done();
  });
  await app.register(rateLimitKeys, { tokens: container.tokens });
  await app.register(authGuard, { tokens: container.tokens });
  // From here on every route declares config.access; its guard is derived from that declaration.
  await app.register(accessRules);
  await app.register(readYourWrites, { routing: container.readRouting });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Culture Ticket API',
        version: '1.0.0',
        description:
          'Ticketing for concerts, musicals, plays and classical shows. Errors are application/problem+json.',
      },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
  });
  await app.register(publicScope(swaggerUi, { routePrefix: '/docs' }));

  for (const routes of container.rootRoutes) await app.register(routes);
  await app.register(
    async (api) => {
      for (const routes of container.apiRoutes) await api.register(routes);
    },
    { prefix: '/api/v1' },
  );
  // The web app, when built (`npm run build:web`); an API-only deployment simply has no web/dist.
  if (webAppBuilt()) await app.register(publicScope(webApp));

  return app;
}
