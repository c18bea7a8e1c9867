import type { FastifyInstance } from 'fastify';
import type { Container } from './container.ts';
import { startMetricsServer } from './infra/metrics-server.ts';

/** The worker has no public API; it exposes /metrics and /health/live for Prometheus and probes. */
export async function startWorkerMetricsServer(container: Container): Promise<FastifyInstance> {
  return startMetricsServer(container.metrics, {
    port: container.config.WORKER_METRICS_PORT,
    host: container.config.HOST,
  });
}
