import Fastify, { type FastifyInstance } from 'fastify';
import type { Container } from './container.ts';

/** The worker has no public API; it exposes /metrics and /health/live for Prometheus and probes. */
export async function startWorkerMetricsServer(container: Container): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/metrics', async (_request, reply) => {
    const { contentType, body } = await container.metrics.render();
    return reply.type(contentType).send(body);
  });
  await app.listen({ port: container.config.WORKER_METRICS_PORT, host: container.config.HOST });
  return app;
}
