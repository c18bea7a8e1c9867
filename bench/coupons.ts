/**
 * Coupon issuance over real HTTP, the API in its own process in production mode, unpinned. Paired
 * rounds against a bare Fastify baseline (its own process) whose route does the floor of an issuance:
 * one Redis script and one PostgreSQL INSERT with its durable commit, then 201. Each round the two
 * sides take the same number of requests, each from a different user, on a fresh coupon with stock
 * for all of them, the order alternating every round. The headline is the median of the rounds'
 * own API/floor ratios, beside the server-side time per issuance from the API's prom-client
 * histogram (coupon_issue_duration_seconds) and the floors measured in the same run.
 * Then a sold-out rush (stock 100, every user once). Any unexpected status (the winners must all get
 * 201; the rush 201 or 410) or transport error fails the run, as does a copy count in PostgreSQL
 * that differs from the 201s. Run: npm run bench:coupons. Writes bench/reports/coupons.{json,md}.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { createDb, createPool, ensureDatabase } from '../src/infra/db.ts';
import { migrateToLatest } from '../src/infra/migrate.ts';
import { createRedis } from '../src/infra/redis.ts';
import { forgetKeys } from '../test/redis-cleanup.ts';
import { AccessTokens } from '../src/modules/auth/tokens.ts';
import { histogramQuantiles, parseHistogram, subtract, type Buckets } from './histogram.ts';
import { markdown, type Load } from './coupons-report.ts';
import {
  finish,
  median,
  pairedRatio,
  pairedRounds,
  productionEnv,
  responseClock,
  sampleOf,
  setting,
  startApi,
  startBare,
  verdict,
  writeReport,
} from './rounds.ts';

const USERS = setting('BENCH_USERS', 10_000, 100, 50_000);
const ROUNDS = setting('BENCH_ROUNDS', 5, 2, 15);
/** Requests per side per round: every one a different user. */
const PER_ROUND = Math.min(USERS, setting('BENCH_PER_ROUND', 2_000, 100, 50_000));
/** Requests of the one-connection phase: per-issuance time without queueing behind other winners. */
const SOLO = Math.min(1_000, USERS);
const CONNECTIONS = setting('BENCH_CONNECTIONS', 50, 1, 500);

const dbName = `ct_bench_coupons_${process.pid}`;
const base = new URL(loadConfig().DATABASE_URL);
base.pathname = `/${dbName}`;
const env = {
  ...productionEnv(),
  DATABASE_URL: base.toString(),
  REDIS_KEY_PREFIX: `bench:coupons:${process.pid}:`,
  AMQP_EXCHANGE: `ct.bench.${process.pid}`,
  AMQP_QUEUE_PREFIX: `ct.bench.${process.pid}`,
};
const config = loadConfig(env);

async function load(
  url: string,
  path: string,
  tokens: string[],
  opts: { amount: number; connections?: number; from?: number },
  expected: (status: number) => boolean,
): Promise<Load> {
  let next = opts.from ?? 0;
  const clock = responseClock();
  clock.start();
  const result = await autocannon({
    url,
    connections: opts.connections ?? CONNECTIONS,
    amount: opts.amount,
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (req) => ({
          ...req,
          headers: { ...req.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` },
        }),
        onResponse: clock.onResponse,
      },
    ],
  });
  const s = sampleOf(result, expected, clock.seconds());
  return {
    requestsPerSec: s.requestsPerSecond,
    latencyP50Ms: s.p50,
    latencyP99Ms: s.p99,
    total: result.requests.total,
    statuses: s.statuses,
    errors: s.errors,
  };
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
  const tokens = new AccessTokens(config.JWT_SECRET, 3600);
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
  console.log(
    `${USERS} users, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${PER_ROUND} requests per side`,
  );
  const floors = await measureFloors(db);
  console.log('floors', floors);

  const issued = (status: number) => status === 201;
  const bare = await startBare({
    method: 'POST',
    url: '/api/v1/coupons/:id/issue',
    status: 201,
    body: { userCouponId: randomUUID(), couponId: randomUUID(), validUntil: new Date().toISOString() },
    work: {
      databaseUrl: config.DATABASE_URL,
      redisUrl: config.REDIS_URL,
      poolSize: config.DATABASE_POOL_SIZE,
    },
  });
  const api = await startApi(env);
  const metricsUrl = api.metrics!;
  let solo: Load, refusedSolo: Load, soldOut: Load;
  let soloServer, refusedSoloServer, refusedServer;
  const winnersServer: ReturnType<typeof histogramQuantiles>[] = [];
  const coupons: string[] = [];
  let scarce: string, single: string;
  let rounds: Record<'bare' | 'api', Load[]>;
  try {
    // Warm both (JIT, pools) on requests that are not counted.
    const warm = await createCoupon(api.base, adminToken, USERS);
    await load(api.base, `/api/v1/coupons/${warm}/issue`, userTokens, { amount: 500 }, issued);
    await load(bare.base, `/api/v1/coupons/${randomUUID()}/issue`, userTokens, { amount: 500 }, issued);

    rounds = await pairedRounds(['bare', 'api'] as const, ROUNDS, async (side, round) => {
      // Each round a different slice of the users, so a user claims a coupon once.
      const from = (round * PER_ROUND) % USERS;
      if (side === 'bare') {
        return load(
          bare.base,
          `/api/v1/coupons/${randomUUID()}/issue`,
          userTokens,
          { amount: PER_ROUND, from },
          issued,
        );
      }
      const coupon = await createCoupon(api.base, adminToken, PER_ROUND);
      coupons.push(coupon);
      const before = await scrape(metricsUrl);
      const r = await load(
        api.base,
        `/api/v1/coupons/${coupon}/issue`,
        userTokens,
        { amount: PER_ROUND, from },
        issued,
      );
      winnersServer.push(histogramQuantiles(subtract(await scrape(metricsUrl), before), 'issued'));
      return r;
    });

    scarce = await createCoupon(api.base, adminToken, 100);
    single = await createCoupon(api.base, adminToken, SOLO);
    const beforeSolo = await scrape(metricsUrl);
    solo = await load(
      api.base,
      `/api/v1/coupons/${single}/issue`,
      userTokens,
      { amount: SOLO, connections: 1 },
      issued,
    );
    const beforeRush = await scrape(metricsUrl);
    soldOut = await load(
      api.base,
      `/api/v1/coupons/${scarce}/issue`,
      userTokens,
      { amount: USERS },
      (s) => s === 201 || s === 410,
    );
    const afterRush = await scrape(metricsUrl);
    // Users that already hold a copy (409) and the rest (410), one at a time.
    refusedSolo = await load(
      api.base,
      `/api/v1/coupons/${scarce}/issue`,
      userTokens,
      { amount: SOLO, connections: 1 },
      (s) => s === 409 || s === 410,
    );
    const afterRefusedSolo = await scrape(metricsUrl);
    soloServer = histogramQuantiles(subtract(beforeRush, beforeSolo), 'issued');
    refusedServer = histogramQuantiles(subtract(afterRush, beforeRush), 'sold_out');
    refusedSoloServer = histogramQuantiles(subtract(afterRefusedSolo, afterRush), 'sold_out');
  } finally {
    await Promise.all([api.stop(), bare.stop()]);
  }

  const issuedInDb = await sql<{ coupon_id: string; n: number }>`
    SELECT coupon_id, count(*)::int AS n FROM user_coupons GROUP BY coupon_id`.execute(db);
  const countOf = (id: string) => issuedInDb.rows.find((r) => r.coupon_id === id)?.n ?? 0;
  const ratio = pairedRatio(
    rounds.api.map((l) => l.requestsPerSec),
    rounds.bare.map((l) => l.requestsPerSec),
  );
  const winnersInDb = coupons.map(countOf);
  const winners201 = rounds.api.map((l) => l.statuses['201'] ?? 0);
  const errors = [...rounds.api, ...rounds.bare, solo, soldOut, refusedSolo].reduce(
    (n, l) => n + l.errors,
    0,
  );
  const v = verdict(errors, [
    {
      name: `every winner's copy is in PostgreSQL (per round ${winnersInDb.join(', ')} of ${winners201.join(', ')} answered 201)`,
      pass: winnersInDb.every((n, i) => n === winners201[i] && n === PER_ROUND),
    },
    {
      name: `the sold-out rush issued exactly the stock (${countOf(scarce)} in PostgreSQL, ${soldOut.statuses['201'] ?? 0} answered 201, stock 100)`,
      pass: countOf(scarce) === 100 && soldOut.statuses['201'] === 100,
    },
    { name: `one connection issued ${countOf(single)} of ${SOLO}`, pass: countOf(single) === SOLO },
  ]);
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    users: USERS,
    connections: CONNECTIONS,
    rounds: ROUNDS,
    perRound: PER_ROUND,
    floors,
    headline: {
      apiOverFloor: ratio,
      apiRequestsPerSec: median(rounds.api.map((l) => l.requestsPerSec)),
      floorRequestsPerSec: median(rounds.bare.map((l) => l.requestsPerSec)),
      serverMeanMs: median(winnersServer.map((q) => q.mean * 1000)),
      serverP99Ms: median(winnersServer.map((q) => q.p99 * 1000)),
    },
    baseline: rounds.bare,
    winners: rounds.api.map((l, i) => ({ ...l, server: winnersServer[i]!, issuedInDb: winnersInDb[i]! })),
    solo: { ...solo, server: soloServer, issuedInDb: countOf(single) },
    soldOut: { ...soldOut, server: refusedServer, issuedInDb: countOf(scarce) },
    refusedSolo: { ...refusedSolo, server: refusedSoloServer },
    verdict: v,
  };
  await writeReport('coupons', markdown(report), report);

  await db.destroy();
  // Leave nothing behind: this run's Redis keys and its database.
  await forgetKeys({ url: config.REDIS_URL }, env.REDIS_KEY_PREFIX);
  const admin = createDb(createPool({ url: new URL('/postgres', base).toString(), poolSize: 1 }));
  await sql.raw(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).execute(admin);
  await admin.destroy();
  finish(v);
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
