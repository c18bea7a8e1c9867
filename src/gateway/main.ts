import Fastify from 'fastify';
import type { Config } from '../config.ts';

/** The sandbox payment gateway process (PortOne-v2-style API). */
export async function startGateway(config: Config): Promise<() => Promise<void>> {
  const app = Fastify({ logger: { level: config.LOG_LEVEL, name: 'culture-ticket-gateway' } });
  app.get('/health/live', async () => ({ status: 'ok' }));
  await app.listen({ port: config.GATEWAY_PORT, host: config.HOST });
  return () => app.close();
}
