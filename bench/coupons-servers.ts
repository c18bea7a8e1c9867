/**
 * The two servers bench/coupons.ts measures, each run in its own child process so that the load
 * generator does not share their event loop:
 *   api   the real Culture Ticket API (createContainer + buildApp), listening on a free port
 *   bare  a bare Fastify with one route answering like the issue endpoint, the baseline
 * Each prints nothing and reports `{ port }` to its parent over IPC.
 */
import Fastify from 'fastify';
import { loadConfig } from '../src/config.ts';
import { createContainer } from '../src/container.ts';
import { buildApp } from '../src/app.ts';

async function serveApi(): Promise<() => Promise<void>> {
  const config = loadConfig({ ...process.env, PORT: '0' });
  const container = await createContainer(config, 'api');
  const app = await buildApp(container);
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.send?.({ port: (app.server.address() as { port: number }).port });
  return async () => {
    await app.close();
    await container.close();
  };
}

async function serveBare(): Promise<() => Promise<void>> {
  const app = Fastify({ logger: false });
  const body = { userCouponId: '00000000-0000-0000-0000-000000000000', couponId: 'x', validUntil: 'x' };
  app.post('/api/v1/coupons/:id/issue', async (_request, reply) => reply.status(201).send(body));
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.send?.({ port: (app.server.address() as { port: number }).port });
  return () => app.close();
}

const which = process.argv[2];
const stop = which === 'api' ? await serveApi() : await serveBare();
process.on('message', async (msg) => {
  if (msg === 'stop') {
    await stop();
    process.exit(0);
  }
});
