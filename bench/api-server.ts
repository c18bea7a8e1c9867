/**
 * The real API for a bench: createContainer + buildApp over the environment it is given (the bench
 * sets production mode, its database and key prefix), in its own process so the load generator does
 * not share its event loop. As in production, /metrics is served on a port of its own (here a free
 * one). Prints `{"address": …, "metrics": …}` once listening; closes on SIGTERM.
 */
import { loadConfig } from '../src/config.ts';
import { createContainer } from '../src/container.ts';
import { buildApp } from '../src/app.ts';
import { startMetricsServer } from '../src/infra/metrics-server.ts';

const container = await createContainer(loadConfig({ ...process.env, PORT: '0' }), 'api');
const app = await buildApp(container);
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const metricsServer = await startMetricsServer(container.metrics, { port: 0, host: '127.0.0.1' });
const { port } = metricsServer.server.address() as { port: number };
process.stdout.write(`${JSON.stringify({ address, metrics: `http://127.0.0.1:${port}` })}\n`);
process.once('SIGTERM', () => {
  void (async () => {
    await app.close();
    await metricsServer.close();
    await container.close();
    process.exit(0);
  })();
});
