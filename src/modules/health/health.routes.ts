import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { pingDb } from '../../infra/db.ts';
import { pingRedis } from '../../infra/redis.ts';
import { withTimeout } from '../../infra/broker.ts';
import type { Infra } from '../../container.ts';
import { errors } from '../../http/schemas.ts';
import { metricsOnApiPort } from '../../infra/metrics-server.ts';

type Check = 'db' | 'redis' | 'broker';

const CheckResult = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('fail')]),
  error: Type.Optional(Type.String()),
});

/**
 * Liveness, readiness with real pings of every store, and Prometheus metrics outside production
 * (there they are served on METRICS_PORT only, src/infra/metrics-server.ts).
 */
export const healthRoutes =
  (infra: Pick<Infra, 'config' | 'db' | 'redis' | 'broker' | 'metrics'>): FastifyPluginAsyncTypebox =>
  async (app) => {
    const liveBody = { status: 'ok' };
    app.get(
      '/health/live',
      {
        config: { access: 'public' },
        schema: {
          tags: ['operations'],
          summary: 'The process runs',
          // Only an internal failure can answer otherwise.
          response: { 200: Type.Object({ status: Type.String() }), ...errors(500) },
        },
      },
      async () => liveBody,
    );

    app.get(
      '/health/ready',
      {
        config: { access: 'public' },
        schema: {
          tags: ['operations'],
          summary: 'Every dependency answers',
          // Not ready is not a problem+json: load balancers and operators read which check fails.
          response: {
            200: Type.Object({ status: Type.String(), checks: Type.Record(Type.String(), CheckResult) }),
            ...errors(500),
            503: Type.Object({
              status: Type.String(),
              failing: Type.Array(Type.String()),
              checks: Type.Record(Type.String(), CheckResult),
            }),
          },
        },
      },
      async (_request, reply) => {
        const probes: Record<Check, () => Promise<void>> = {
          db: () => pingDb(infra.db),
          redis: () => pingRedis(infra.redis),
          broker: () => infra.broker.ping(),
        };
        const entries = await Promise.all(
          (Object.keys(probes) as Check[]).map(async (name) => {
            try {
              await withTimeout(probes[name](), 2_000, `${name} ping`);
              return [name, { status: 'ok' as const }] as const;
            } catch (err) {
              return [name, { status: 'fail' as const, error: (err as Error).message }] as const;
            }
          }),
        );
        const checks = Object.fromEntries(entries);
        const failing = entries.filter(([, r]) => r.status === 'fail').map(([n]) => n);
        if (failing.length > 0) return reply.status(503).send({ status: 'unavailable', failing, checks });
        return { status: 'ok', checks };
      },
    );

    if (!metricsOnApiPort(infra.config)) return;
    app.get(
      '/metrics',
      // Public to callers: what keeps it from the internet is the port and nginx, not a user role.
      {
        config: { access: 'public' },
        schema: {
          tags: ['operations'],
          summary: 'Prometheus metrics',
          response: { 200: Type.String({ description: 'Prometheus text format' }), ...errors(500) },
        },
      },
      async (_request, reply) => {
        const { contentType, body } = await infra.metrics.render();
        return reply.type(contentType).send(body);
      },
    );
  };
