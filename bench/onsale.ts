/**
 * Onsale benchmark: a 1,000-seat showtime, 5,000 buyers each trying to hold 2 random seats, reserve and
 * pay through the sandbox gateway, over real HTTP (the API in its own process, the gateway listening
 * with webhooks on). Prints holds/s, purchases/s, p50/p99 per step, and checks that nothing was sold
 * twice. Baseline in the same run: GET /health/live at the same concurrency.
 *
 *   npm run bench:onsale            (BUYERS, CONCURRENCY, ATTEMPTS override the defaults)
 *   npx tsx bench/onsale.ts --via nginx --instances 2 [--worker]
 *
 * With --via nginx the buyers (and the gateway's webhooks) go through the real nginx of ops/nginx in
 * front of N API instances; CPU seconds of each API process over the onsale phase are read from
 * /proc, so requests per CPU-second (the per-core figure of docs/capacity.md) come out of every run.
 * Reports: bench/reports/onsale.md (direct, 1 instance) or onsale-nginx-<N>.md, plus .json.
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { writeFileSync, mkdirSync } from 'node:fs';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { createDb, createPool, ensureDatabase } from '../src/infra/db.ts';
import { createRedis } from '../src/infra/redis.ts';
import { migrateToLatest } from '../src/infra/migrate.ts';
import { AccessTokens } from '../src/modules/auth/tokens.ts';
import { createShowtimeWithSeats, createUsers } from '../test/factories.ts';
import { machineBusySeconds, startStack, type Stack } from './onsale-stack.ts';

const { values: args } = parseArgs({
  options: {
    via: { type: 'string', default: 'direct' },
    instances: { type: 'string', default: '1' },
    worker: { type: 'boolean', default: false },
  },
});
const VIA = args.via === 'nginx' ? 'nginx' : 'direct';
const INSTANCES = VIA === 'nginx' ? Math.max(1, Number(args.instances)) : 1;
const NAME = VIA === 'direct' && !args.worker ? 'onsale' : `onsale-${VIA}-${INSTANCES}`;

const BUYERS = Number(process.env.BUYERS ?? 5000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 50);
const ATTEMPTS = Number(process.env.ATTEMPTS ?? 1);
const ROWS = 40;
const PER_ROW = 25;
const run = `${process.pid}`;
const dbName = `ct_bench_onsale_${run}`;
const base = loadConfig({ LOG_LEVEL: 'warn' });
const dbUrl = (() => {
  const u = new URL(base.DATABASE_URL);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

type Step = 'hold' | 'reserve' | 'pay' | 'complete' | 'baseline';
const timings: Record<Step, number[]> = { hold: [], reserve: [], pay: [], complete: [], baseline: [] };
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : 0;
};
let transportErrors = 0;

async function timed<T>(step: Step, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await f();
  } finally {
    timings[step].push(performance.now() - t0);
  }
}
async function pool<T>(items: T[], n: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        // A request that fails at the transport level (refused, timed out) is counted, not fatal.
        await work(items[next++]!).catch(() => void transportErrors++);
      }
    }),
  );
}

async function main() {
  await ensureDatabase(dbUrl);
  const db = createDb(createPool({ url: dbUrl, poolSize: 10 }));
  await migrateToLatest(db);
  const tokens = new AccessTokens(base.JWT_SECRET, 900);
  const st = await createShowtimeWithSeats(
    { db },
    { rows: ROWS, seatsPerRow: PER_ROW, maxTicketsPerUser: 4 },
  );
  const users = await createUsers({ db, tokens }, BUYERS);

  stack = await startStack({
    via: VIA,
    instances: INSTANCES,
    worker: args.worker,
    env: { DATABASE_URL: dbUrl, DATABASE_POOL_SIZE: '30', REDIS_KEY_PREFIX: `bench:${run}:` },
  });
  const { apiUrl, gatewayUrl } = stack;

  // Baseline: the cheapest round trip at the same concurrency.
  const b0 = performance.now();
  await pool(users, CONCURRENCY, async () => {
    await timed('baseline', () => fetch(`${apiUrl}/health/live`).then((r) => r.arrayBuffer()));
  });
  const baselineSeconds = (performance.now() - b0) / 1000;

  const seatIds = st.seats.map((s) => s.id);
  const counts = { holdAttempts: 0, holds: 0, reservations: 0, purchases: 0, holdConflicts: 0, errors: 0 };
  const cpu0 = await stack.cpu();
  const [busy0, self0] = [machineBusySeconds(), process.cpuUsage()];
  const t0 = performance.now();
  await pool(users, CONCURRENCY, async (user) => {
    const headers = { ...user.headers, 'content-type': 'application/json' };
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const a = Math.floor(Math.random() * seatIds.length);
      const b = (a + 1 + Math.floor(Math.random() * (seatIds.length - 1))) % seatIds.length;
      counts.holdAttempts++;
      const held = await timed('hold', () =>
        fetch(`${apiUrl}/api/v1/showtimes/${st.showtimeId}/holds`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ seatIds: [seatIds[a], seatIds[b]] }),
        }),
      );
      const holdBody = (await held.json()) as { id: string };
      if (held.status === 409) {
        counts.holdConflicts++;
        continue;
      }
      if (held.status !== 201) return void counts.errors++;
      counts.holds++;
      const res = await timed('reserve', () =>
        fetch(`${apiUrl}/api/v1/reservations`, {
          method: 'POST',
          headers: { ...headers, 'idempotency-key': `bench-${user.id}` },
          body: JSON.stringify({ holdId: holdBody.id }),
        }),
      );
      const reservation = (await res.json()) as { payment: { id: string } };
      if (res.status !== 201) return void counts.errors++;
      counts.reservations++;
      const paid = await timed('pay', () =>
        fetch(`${gatewayUrl}/sandbox/payments/${reservation.payment.id}/pay`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }),
      );
      await paid.arrayBuffer();
      const done = await timed('complete', () =>
        fetch(`${apiUrl}/api/v1/payments/${reservation.payment.id}/complete`, {
          method: 'POST',
          headers: user.headers,
        }),
      );
      const body = (await done.json()) as { status: string };
      if (body.status === 'CONFIRMED') counts.purchases++;
      else counts.errors++;
      return;
    }
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu1 = await stack.cpu();
  // How many of the cores were busy (anyone's work) and how much of that was this load generator.
  const machineBusyCores = (machineBusySeconds() - busy0) / seconds;
  const self = process.cpuUsage(self0);
  const benchCpu = (self.user + self.system) / 1e6;
  const apiCpu = cpu1.apis.map((c, i) => c - cpu0.apis[i]!);
  const apiCpuTotal = apiCpu.reduce((a, b) => a + b, 0);
  // Requests the API tier served in the onsale phase: the buyers' calls plus one webhook per payment.
  const apiRequests =
    timings.hold.length + timings.reserve.length + timings.complete.length + timings.pay.length;
  const perCore = apiRequests / apiCpuTotal;

  // Let in-flight webhooks land, then check the books.
  await new Promise((r) => setTimeout(r, 1500));
  const q = async <T>(text: ReturnType<typeof sql<T>>) => (await text.execute(db)).rows;
  const [doubles] = await q(sql<{ n: number }>`
    SELECT count(*) AS n FROM (SELECT seat_id FROM reservation_seats WHERE released_at IS NULL
                               GROUP BY seat_id HAVING count(*) > 1) d`);
  const [sold] = await q(
    sql<{
      n: number;
    }>`SELECT count(*) AS n FROM seats WHERE showtime_id = ${st.showtimeId} AND status = 'SOLD'`,
  );
  const [confirmedSeats] = await q(sql<{ n: number }>`
    SELECT count(*) AS n FROM reservation_seats rs JOIN reservations r ON r.id = rs.reservation_id
    WHERE r.status = 'CONFIRMED'`);
  const [paidOrphans] = await q(sql<{ n: number }>`
    SELECT count(*) AS n FROM gateway_payments g JOIN reservations r ON r.payment_id::text = g.id
    WHERE g.status = 'PAID' AND r.status <> 'CONFIRMED'`);
  const [confirmedEvents] = await q(
    sql<{ n: number }>`SELECT count(*) AS n FROM outbox WHERE event_type = 'reservation.confirmed'`,
  );

  const row = (step: Step) =>
    `| ${step} | ${timings[step].length} | ${pct(timings[step], 50).toFixed(1)} | ${pct(timings[step], 99).toFixed(1)} |`;
  const la = loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
  const topology =
    VIA === 'nginx'
      ? `nginx (ops/nginx) in front of ${INSTANCES} API instance(s)`
      : 'the API reached directly';
  const report = `# bench/${NAME}

Run ${new Date().toISOString()} on this machine (2 cores): ${topology}; API, sandbox gateway${args.worker ? ', worker' : ''} each in their own process (\`src/main.ts\`),
the ${BUYERS} simulated buyers in the bench process, PostgreSQL and Redis local. Load average at the
end: ${la} (the machine is shared with other work; compare with the baseline row).
${ROWS * PER_ROW} seats, ${BUYERS} buyers, ${CONCURRENCY} at a time, each up to ${ATTEMPTS} attempts at 2 random seats,
then reserve → pay at the gateway → complete (webhooks on as well).

| figure | value |
| --- | --- |
| baseline GET /health/live | ${(BUYERS / baselineSeconds).toFixed(0)} req/s |
| hold attempts | ${counts.holdAttempts} (${(counts.holdAttempts / seconds).toFixed(0)}/s) |
| successful holds | ${counts.holds} (${(counts.holds / seconds).toFixed(0)}/s) |
| hold conflicts (409) | ${counts.holdConflicts} |
| purchases confirmed | ${counts.purchases} (${(counts.purchases / seconds).toFixed(0)}/s) |
| errors (non-2xx other than 409) / transport errors | ${counts.errors} / ${transportErrors} |
| wall time | ${seconds.toFixed(1)} s |
| API requests in the onsale phase (hold, reserve, complete, webhook) | ${apiRequests} (${(apiRequests / seconds).toFixed(0)}/s) |
| API CPU seconds, per process | ${apiCpu.map((c) => c.toFixed(1)).join(' + ')} = ${apiCpuTotal.toFixed(1)} |
| API requests per CPU-second (per-core figure) | ${perCore.toFixed(0)} |
| nginx / worker CPU seconds (whole run so far) | ${cpu1.nginx.toFixed(1)} / ${cpu1.worker.toFixed(1)} |
| load generator CPU seconds / machine cores busy on average (all processes) | ${benchCpu.toFixed(1)} / ${machineBusyCores.toFixed(2)} of 2 |

| step | calls | p50 ms | p99 ms |
| --- | --- | --- | --- |
${row('baseline')}
${row('hold')}
${row('reserve')}
${row('pay')}
${row('complete')}

Checks: seats in two live reservations = **${doubles!.n}**; seats SOLD = ${sold!.n}; seats of CONFIRMED
reservations = ${confirmedSeats!.n}; reservation.confirmed events = ${confirmedEvents!.n}; PAID payments without a
CONFIRMED reservation = ${paidOrphans!.n}.
`;
  console.log(report);
  mkdirSync('bench/reports', { recursive: true });
  writeFileSync(`bench/reports/${NAME}.md`, report);
  writeFileSync(
    `bench/reports/${NAME}.json`,
    JSON.stringify(
      {
        via: VIA,
        instances: INSTANCES,
        loadavg: loadavg(),
        counts,
        transportErrors,
        steps: Object.fromEntries(
          (Object.keys(timings) as Step[]).map((k) => [
            k,
            { calls: timings[k].length, p50: pct(timings[k], 50), p99: pct(timings[k], 99) },
          ]),
        ),
        apiRequests,
        apiCpu,
        apiCpuTotal,
        perCore,
        nginxCpu: cpu1.nginx - cpu0.nginx,
        workerCpu: cpu1.worker,
        benchCpu,
        machineBusyCores,
        seconds,
        baselineSeconds,
        doubles: doubles!.n,
        sold: sold!.n,
        confirmedSeats: confirmedSeats!.n,
        paidOrphans: paidOrphans!.n,
      },
      null,
      2,
    ),
  );

  // Stop the children before dropping their database.
  await stack.stop();
  const redis = createRedis({ url: base.REDIS_URL, keyPrefix: '' });
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `bench:${run}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
  await db.destroy();
  const admin = new pg.Client({ connectionString: dbUrl.replace(`/${dbName}`, '/postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.end();
  const ok = doubles!.n === 0 && sold!.n === confirmedSeats!.n && paidOrphans!.n === 0;
  if (!ok) {
    console.error('ONSALE CHECK FAILED');
    process.exit(1);
  }
  process.exit(0);
}

let stack: Stack | undefined;
main().catch(async (err) => {
  console.error(err);
  await stack?.stop().catch(() => undefined);
  const admin = new pg.Client({ connectionString: dbUrl.replace(`/${dbName}`, '/postgres') });
  await admin.connect().catch(() => undefined);
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
  await admin.end().catch(() => undefined);
  process.exit(1);
});
