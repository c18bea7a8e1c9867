/**
 * Coupon issuance over real HTTP, against a bare-Fastify baseline measured in the same run, plus the
 * server-side time per issuance from the API's own prom-client histogram
 * (coupon_issue_duration_seconds). Run: npm run bench:coupons. Writes bench/reports/coupons.{json,md}.
 *
 * Phases (each request comes from a different user, as in a real rush):
 *   baseline  bare Fastify, same route shape, same connections
 *   winners   a coupon with more stock than requests: every request is a full issuance
 *             (JWT, per-user rate limit, Lua script, PostgreSQL insert, Redis ensure step)
 *   sold-out  a coupon with 100 copies rushed by every user: 100 winners, the rest refused in Redis
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { createDb, createPool, ensureDatabase } from '../src/infra/db.ts';
import { migrateToLatest } from '../src/infra/migrate.ts';
import type { Redis } from 'ioredis';
import { createRedis } from '../src/infra/redis.ts';
import { AccessTokens } from '../src/modules/auth/tokens.ts';
import { histogramQuantiles, parseHistogram, subtract, type Buckets } from './histogram.ts';
import { markdown, type Load } from './coupons-report.ts';

const USERS = Number(process.env.BENCH_USERS ?? 10_000);
/** Requests of the one-connection phase: per-issuance time without queueing behind other winners. */
const SOLO = Math.min(1_000, USERS);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const BASELINE_SECONDS = Number(process.env.BENCH_BASELINE_SECONDS ?? 8);
const OLD_FIGURE_MS = 0.09; // what the serialized, lock-based predecessor reported per issuance

const dbName = `ct_bench_coupons_${process.pid}`;
const base = new URL(loadConfig().DATABASE_URL);
base.pathname = `/${dbName}`;
const env = {
  ...process.env,
  NODE_ENV: 'development',
  LOG_LEVEL: 'warn',
  DATABASE_URL: base.toString(),
  REDIS_KEY_PREFIX: `bench:coupons:${process.pid}:`,
  AMQP_EXCHANGE: `ct.bench.${process.pid}`,
  AMQP_QUEUE_PREFIX: `ct.bench.${process.pid}`,
};
const config = loadConfig(env);

function start(which: 'api' | 'bare'): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(new URL('./coupons-servers.ts', import.meta.url).pathname, [which], {
    env,
    execArgv: ['--import', 'tsx'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, url: `http://127.0.0.1:${(m as { port: number }).port}` }));
    child.once('exit', (code) => reject(new Error(`${which} server exited with ${code}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.send('stop');
  await exited;
}

async function load(
  url: string,
  path: string,
  tokens: string[],
  opts: { amount?: number; duration?: number; connections?: number },
) {
  let next = 0;
  const statuses: Record<string, number> = {};
  const result = await autocannon({
    url,
    connections: opts.connections ?? CONNECTIONS,
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.duration }),
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (req) => ({
          ...req,
          headers: { ...req.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` },
        }),
        onResponse: (status) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
        },
      },
    ],
  });
  const out: Load = {
    requestsPerSec: Math.round(
      result.requests.total / ((result.finish.getTime() - result.start.getTime()) / 1000),
    ),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    total: result.requests.total,
    statuses,
    errors: result.errors + result.timeouts,
  };
  return out;
}

async function scrape(url: string): Promise<Buckets> {
  const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5_000) })).text();
  return parseHistogram(text, 'coupon_issue_duration_seconds');
}

async function createCoupon(url: string, adminToken: string, stock: number): Promise<string> {
  const now = Date.now();
  const res = await fetch(`${url}/api/v1/admin/coupons`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: `bench ${stock}`,
      discountType: 'FIXED',
      discountValue: 3_000,
      stock,
      issueStartsAt: new Date(now - 60_000).toISOString(),
      issueEndsAt: new Date(now + 3_600_000).toISOString(),
      validUntil: new Date(now + 86_400_000).toISOString(),
    }),
    signal: AbortSignal.timeout(5_000),
  });
  if (res.status !== 201) throw new Error(`coupon not created: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

async function main(): Promise<void> {
  await ensureDatabase(config.DATABASE_URL);
  const db = createDb(createPool({ url: config.DATABASE_URL, poolSize: 2 }));
  await migrateToLatest(db);
  const tokens = new AccessTokens(config.JWT_SECRET, config.ACCESS_TOKEN_TTL_SECONDS);
  const emails = Array.from({ length: USERS + 1 }, () => `bench-${randomUUID()}@example.com`);
  const { rows } = await sql<{ id: string }>`
    INSERT INTO users (email, password_hash, nickname, role, email_verified_at)
    SELECT e, 'not-a-hash', 'bench', 'USER', now() FROM unnest(${emails}::text[]) AS e RETURNING id`.execute(
    db,
  );
  const [adminRow, ...userRows] = rows;
  await sql`UPDATE users SET role = 'ADMIN' WHERE id = ${adminRow!.id}`.execute(db);
  const adminToken = await tokens.sign({ userId: adminRow!.id, role: 'ADMIN' });
  const userTokens = await Promise.all(userRows.map((r) => tokens.sign({ userId: r.id, role: 'USER' })));
  console.log(`${USERS} users, ${CONNECTIONS} connections`);
  const floors = await measureFloors(db);
  console.log('floors', floors);

  const bare = await start('bare');
  const fakeId = randomUUID();
  await load(bare.url, `/api/v1/coupons/${fakeId}/issue`, userTokens, { duration: 2 }); // warm-up
  const baseline = await load(bare.url, `/api/v1/coupons/${fakeId}/issue`, userTokens, {
    duration: BASELINE_SECONDS,
  });
  await stop(bare.child);
  console.log('baseline', baseline);

  const api = await start('api');
  const plenty = await createCoupon(api.url, adminToken, USERS * 2);
  const scarce = await createCoupon(api.url, adminToken, 100);
  const single = await createCoupon(api.url, adminToken, SOLO);
  const beforeSolo = await scrape(api.url);
  const solo = await load(api.url, `/api/v1/coupons/${single}/issue`, userTokens, {
    amount: SOLO,
    connections: 1,
  });
  const before = await scrape(api.url);
  console.log('one connection', solo);
  const winners = await load(api.url, `/api/v1/coupons/${plenty}/issue`, userTokens, { amount: USERS });
  const afterWinners = await scrape(api.url);
  console.log('winners', winners);
  const soldOut = await load(api.url, `/api/v1/coupons/${scarce}/issue`, userTokens, { amount: USERS });
  const afterSoldOut = await scrape(api.url);
  console.log('sold-out rush', soldOut);
  const refusedSolo = await load(api.url, `/api/v1/coupons/${scarce}/issue`, userTokens, {
    amount: SOLO,
    connections: 1,
  });
  const afterRefusedSolo = await scrape(api.url);
  console.log('refusals, one connection', refusedSolo);
  await stop(api.child);

  const soloServer = histogramQuantiles(subtract(before, beforeSolo), 'issued');
  const issuedServer = histogramQuantiles(subtract(afterWinners, before), 'issued');
  const refusedServer = histogramQuantiles(subtract(afterSoldOut, afterWinners), 'sold_out');
  const refusedSoloServer = histogramQuantiles(subtract(afterRefusedSolo, afterSoldOut), 'sold_out');
  const issuedInDb = await sql<{ coupon_id: string; n: number }>`
    SELECT coupon_id, count(*)::int AS n FROM user_coupons GROUP BY coupon_id`.execute(db);
  const countOf = (id: string) => issuedInDb.rows.find((r) => r.coupon_id === id)?.n ?? 0;
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    users: USERS,
    connections: CONNECTIONS,
    floors,
    baseline,
    solo: { ...solo, server: soloServer, issuedInDb: countOf(single) },
    winners: { ...winners, server: issuedServer, issuedInDb: countOf(plenty) },
    soldOut: { ...soldOut, server: refusedServer, issuedInDb: countOf(scarce) },
    refusedSolo: { ...refusedSolo, server: refusedSoloServer },
    oldFigureMs: OLD_FIGURE_MS,
  };
  writeFileSync(new URL('./reports/coupons.json', import.meta.url), JSON.stringify(report, null, 2));
  writeFileSync(new URL('./reports/coupons.md', import.meta.url), markdown(report));
  console.log(markdown(report));

  await db.destroy();
  // Leave nothing behind: this run's Redis keys and its database.
  const raw = createRedis({ url: config.REDIS_URL, keyPrefix: '' });
  let cursor = '0';
  do {
    const [next, keys] = await (raw as Redis).scan(
      cursor,
      'MATCH',
      `${env.REDIS_KEY_PREFIX}*`,
      'COUNT',
      1000,
    );
    cursor = next;
    if (keys.length > 0) await raw.del(...keys);
  } while (cursor !== '0');
  raw.disconnect();
  const admin = createDb(createPool({ url: new URL('/postgres', base).toString(), poolSize: 1 }));
  await sql.raw(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).execute(admin);
  await admin.destroy();
}

/** What one durable commit and one Redis round trip cost here, one at a time: the floor of an issuance. */
async function measureFloors(db: ReturnType<typeof createDb>) {
  const timings = async (n: number, op: () => Promise<unknown>) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await op();
      out.push(performance.now() - t0);
    }
    out.sort((x, y) => x - y);
    const at = (q: number) => Number(out[Math.min(out.length - 1, Math.floor(q * out.length))]!.toFixed(3));
    return { p50: at(0.5), p99: at(0.99) };
  };
  await sql`CREATE TABLE IF NOT EXISTS bench_commit_probe (id bigserial PRIMARY KEY)`.execute(db);
  const commit = await timings(200, () => sql`INSERT INTO bench_commit_probe DEFAULT VALUES`.execute(db));
  const redis = createRedis({ url: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX });
  const rtt = await timings(2_000, () => redis.ping());
  redis.disconnect();
  return {
    commitP50Ms: commit.p50,
    commitP99Ms: commit.p99,
    redisP50Ms: rtt.p50,
    redisP99Ms: rtt.p99,
    loadAverage: loadavg()
      .map((x) => x.toFixed(1))
      .join(' '),
  };
}

await main();
