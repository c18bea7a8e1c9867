import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Metrics } from './metrics.ts';

/**
 * A process's /metrics (and /health/live for probes) on a port of its own, not the public API port:
 * the edge never routes to it, so what the metrics reveal (routes, volumes, error rates, pool and
 * queue sizes) stays on the private network without a secret to manage.
 */
export function buildMetricsServer(metrics: Metrics): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/metrics', async (_request, reply) => {
    const { contentType, body } = await metrics.render();
    return reply.type(contentType).send(body);
  });
  return app;
}

export async function startMetricsServer(
  metrics: Metrics,
  at: { port: number; host: string },
): Promise<FastifyInstance> {
  const app = buildMetricsServer(metrics);
  await app.listen(at);
  return app;
}

/**
 * The port of the API's metrics server: METRICS_PORT, else 9465 in production. Outside production
 * without METRICS_PORT there is none and /metrics stays on the API port (local runs, tests, benches
 * with several instances on one host).
 */
export function apiMetricsPort(config: Pick<Config, 'NODE_ENV' | 'METRICS_PORT'>): number | undefined {
  return config.METRICS_PORT ?? (config.NODE_ENV === 'production' ? 9465 : undefined);
}

/** Whether the public API port answers /metrics: never in production. */
export function metricsOnApiPort(config: Pick<Config, 'NODE_ENV'>): boolean {
  return config.NODE_ENV !== 'production';
}
