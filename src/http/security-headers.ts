import Fastify, { type FastifyInstance } from 'fastify';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';

/**
 * Helmet's security headers, computed once. @fastify/helmet rebuilds its middleware (parsing the CSP
 * directives) on every request, which cost about a third of the throughput of a small cached JSON
 * response (bench/catalog). With no CSP nonces the headers depend only on the options, so we ask
 * helmet once on a probe app and set the same headers with one cheap hook. The plugin stays
 * registered (not global) so `reply.helmet()` and per-route `helmet` options keep working.
 */
export async function registerStaticHelmet(
  app: FastifyInstance,
  options: FastifyHelmetOptions,
): Promise<void> {
  const headers = await helmetHeaders(options);
  await app.register(helmet, { ...options, global: false });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}

async function helmetHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = async (withHelmet: boolean): Promise<Record<string, unknown>> => {
    const app = Fastify({ logger: false });
    if (withHelmet) await app.register(helmet, options);
    app.get('/', async () => 'ok');
    const res = await app.inject({ method: 'GET', url: '/' });
    await app.close();
    return res.headers;
  };
  const [plain, helmeted] = await Promise.all([probe(false), probe(true)]);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(helmeted)) {
    if (plain[name] === undefined && typeof value === 'string') out[name] = value;
  }
  return out;
}
