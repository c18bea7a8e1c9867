/**
 * The baseline of every bench: a bare Fastify server, in its own process, with one route answering
 * like the real one (same status and body), and optionally the floor of that route's own work per
 * request (one PostgreSQL commit and one Redis script). Prints `{"address": …}` once listening.
 * Configured by BARE_ROUTE (JSON, see BareRoute in bench/rounds.ts), or BARE_ROUTE_FILE naming a file
 * holding it (a large body does not fit in the environment).
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { BareRoute } from './rounds.ts';

const route = JSON.parse(
  process.env.BARE_ROUTE_FILE
    ? readFileSync(process.env.BARE_ROUTE_FILE, 'utf8')
    : (process.env.BARE_ROUTE ?? '{}'),
) as BareRoute;
const app = Fastify({ logger: false });
const pool = route.work
  ? new pg.Pool({ connectionString: route.work.databaseUrl, max: route.work.poolSize })
  : undefined;
const redis = route.work ? new Redis(route.work.redisUrl) : undefined;
const SCRIPT = "return redis.call('INCR', KEYS[1])";
// Serialised once: the cheapest a bare reply of these bytes can be (no per-request JSON.stringify).
const payload = route.body === null ? null : JSON.stringify(route.body);
const key = `bench:bare:${process.pid}`;

app.route({
  method: route.method,
  url: route.url,
  handler: async (_request, reply) => {
    if (pool && redis) {
      await redis.eval(SCRIPT, 1, key);
      await pool.query('INSERT INTO bench_commit_probe DEFAULT VALUES');
    }
    // No body at all for null (a 304 answers with none, and no Content-Length either).
    return payload === null
      ? reply.status(route.status).send()
      : reply.status(route.status).type('application/json; charset=utf-8').send(payload);
  },
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ address })}\n`);
process.once('SIGTERM', () => {
  void (async () => {
    await app.close();
    await pool?.end();
    if (redis) {
      await redis.del(key);
      redis.disconnect();
    }
    process.exit(0);
  })();
});
