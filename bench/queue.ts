/**
 * Waiting-room load test: fills one showtime's line with 1,000,000 users (pipelined entry scripts),
 * then measures over HTTP against a real API process: entry throughput (new users) and poll latency
 * at 100 connections with 1M waiting, next to a /health/live baseline from the same run.
 * Writes bench/reports/queue.json and bench/reports/queue.md.
 *
 *   npm run bench:queue            (BENCH_QUEUE_SIZE, BENCH_DURATION_S, BENCH_CONNECTIONS to change)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { createContainer } from '../src/container.ts';
import { migrateToLatest } from '../src/infra/migrate.ts';
import {
  QUEUE_KEY_TTL_MS,
  READY_SHOWTIMES_KEY,
  queueKeys,
  type QueueKeys,
} from '../src/modules/waiting-room/keys.ts';
import type { RedisClient } from '../src/infra/redis.ts';
import { ENTER, STATUS } from '../src/modules/waiting-room/scripts.ts';
import { createShowtimeWithSeats } from '../test/factories.ts';
import { markdown, type Report, type Run, type Round } from './queue-report.ts';
import { sampleOf } from './rounds.ts';

const QUEUE_SIZE = Number(process.env.BENCH_QUEUE_SIZE ?? 1_000_000);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const SHORT_SIZE = 5_000;
const DRAW_SIZE = Number(process.env.BENCH_DRAW_SIZE ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const DB_NAME = 'ct_bench_queue';
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
let errorsSeen = 0;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr !== 'string' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

async function resetDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await admin.end();
}

async function waitForLive(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/health/live`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('API did not start');
}

async function load(name: string, opts: autocannon.Options): Promise<Run> {
  const r = await autocannon({ connections: CONNECTIONS, duration: DURATION_S, ...opts });
  // Only 2xx count as throughput; any other status or failed request is an error and fails the run.
  const sample = sampleOf(r, (status) => status >= 200 && status < 300);
  const run: Run = {
    name,
    requestsPerSecond: sample.requestsPerSecond,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: sample.errors,
  };
  errorsSeen += sample.errors;
  console.log(
    `${name.padEnd(28)} ${String(run.requestsPerSecond).padStart(7)} req/s  p50 ${run.p50} ms  p99 ${run.p99} ms  non-2xx ${run.non2xx}  errors ${run.errors}`,
  );
  return run;
}

/**
 * Puts `count` new users in line through the real entry script, pipelined; returns them in order.
 * With `salesOpenAtMs` in the future they join the early set (the draw's entrants) instead.
 */
async function fillLine(
  redis: RedisClient,
  keys: QueueKeys,
  count: number,
  salesOpenAtMs = 0,
): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  const k = [keys.waiting, keys.active, keys.sessions, keys.meta, keys.early, keys.seq];
  await ENTER.run(redis, k, [ids[0]!, QUEUE_KEY_TTL_MS, salesOpenAtMs]);
  const BATCH = 10_000;
  for (let i = 1; i < count; i += BATCH) {
    const pipe = redis.pipeline();
    for (const id of ids.slice(i, i + BATCH))
      pipe.evalsha(ENTER.sha, k.length, ...k, id, QUEUE_KEY_TTL_MS, salesOpenAtMs);
    await pipe.exec();
  }
  return ids;
}

async function main(): Promise<void> {
  const loadAtStart = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  await resetDatabase();
  const port = await freePort();
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${DB_NAME}`,
    REDIS_KEY_PREFIX: `bench:queue:${process.pid}:`,
    AMQP_EXCHANGE: `ct.bench.${process.pid}`,
    AMQP_QUEUE_PREFIX: `ct.bench.${process.pid}`,
    // One client address drives all the load; the per-IP limit would otherwise answer 429.
    RATE_LIMIT_PER_MINUTE: '1000000',
  };
  const config = loadConfig(env);
  const container = await createContainer(config, 'cli');
  let api: ChildProcess | undefined;
  const { showtimeId } = await (async () => {
    await migrateToLatest(container.db);
    return createShowtimeWithSeats(container, {
      queue: { enabled: true, admitPerSecond: 500, maxActive: 5_000, sessionSeconds: 600 },
    });
  })();
  const keys = queueKeys(showtimeId);
  // A short line (5,000) polled in the same rounds: the cost of the line's length, all else equal.
  const short = await createShowtimeWithSeats(container, { queue: { enabled: true } });
  const shortKeys = queueKeys(short.showtimeId);
  try {
    // --- fill ---
    console.log(`filling ${QUEUE_SIZE.toLocaleString()} waiting entries…`);
    const fillStart = performance.now();
    const filled = await fillLine(container.redis, keys, QUEUE_SIZE);
    await container.redis.sadd(READY_SHOWTIMES_KEY, showtimeId);
    const fillSeconds = (performance.now() - fillStart) / 1000;
    const waiting = await container.redis.zcard(keys.waiting);
    console.log(
      `filled ${waiting.toLocaleString()} in ${fillSeconds.toFixed(1)} s (${Math.round(waiting / fillSeconds)}/s)`,
    );

    // --- tokens: minted in process; the queue reads no user rows ---
    const mint = async (ids: string[]) =>
      Promise.all(
        ids.map((id) => container.tokens.sign({ userId: id, role: 'USER' }).then((t) => `Bearer ${t}`)),
      );
    const newcomers = await mint(Array.from({ length: 150_000 }, () => randomUUID()));
    // Pollers spread over the whole line, from the head to position 1,000,000.
    const stride = Math.max(1, Math.floor(QUEUE_SIZE / 40_000));
    const pollers = await mint(filled.filter((_, i) => i % stride === 0));
    const shortPollers = await mint(await fillLine(container.redis, shortKeys, SHORT_SIZE));

    // --- the API under test, in its own process ---
    const flags = process.env.BENCH_API_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
    api = spawn(process.execPath, [...flags, '--import', 'tsx', 'src/main.ts', 'api'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    await waitForLive(base, api);
    const queuePath = `/api/v1/showtimes/${showtimeId}/queue`;
    // Warm the settings cache, JIT and connections.
    await load('warm-up', { url: base, duration: 2, requests: [{ method: 'GET', path: '/health/live' }] });

    // Rounds alternate the scenarios so that load from other processes on the machine hits all alike.
    let n = 0;
    let m = 0;
    const rounds: Round[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const baseline = await load(`[${round}] baseline GET /health/live`, {
        url: base,
        requests: [{ method: 'GET', path: '/health/live' }],
      });
      const before = await container.redis.zcard(keys.waiting);
      const enter = await load(`[${round}] POST queue (new users)`, {
        url: base,
        requests: [
          {
            method: 'POST',
            path: queuePath,
            setupRequest: (req) => ({
              ...req,
              headers: { ...req.headers, authorization: newcomers[n++ % newcomers.length]! },
            }),
          },
        ],
      });
      const after = await container.redis.zcard(keys.waiting);
      const poll = await load(`[${round}] GET queue (${after.toLocaleString()} waiting)`, {
        url: base,
        requests: [
          {
            method: 'GET',
            path: queuePath,
            setupRequest: (req) => ({
              ...req,
              headers: { ...req.headers, authorization: pollers[m++ % pollers.length]! },
            }),
          },
        ],
      });
      let k = 0;
      const pollShort = await load(`[${round}] GET queue (${SHORT_SIZE.toLocaleString()} waiting)`, {
        url: base,
        requests: [
          {
            method: 'GET',
            path: `/api/v1/showtimes/${short.showtimeId}/queue`,
            setupRequest: (req) => ({
              ...req,
              headers: { ...req.headers, authorization: shortPollers[k++ % shortPollers.length]! },
            }),
          },
        ],
      });
      rounds.push({
        baseline,
        enter: { ...enter, newEntries: after - before },
        poll,
        pollShort,
        waiting: after,
      });
    }

    // The status script alone against the 1M line, pipelined from this process.
    const statusKeys = [keys.waiting, keys.active, keys.sessions, keys.meta, keys.early];
    await STATUS.run(container.redis, statusKeys, [filled[0]!]);
    const statusStart = performance.now();
    const statusPipe = container.redis.pipeline();
    for (let i = 0; i < 20_000; i++) {
      const id = filled[Math.floor(Math.random() * filled.length)]!;
      statusPipe.evalsha(STATUS.sha, statusKeys.length, ...statusKeys, id);
    }
    await statusPipe.exec();
    const statusPerSecond = Math.round(20_000 / ((performance.now() - statusStart) / 1000));
    console.log(`status script, pipelined: ${statusPerSecond}/s with ${waiting.toLocaleString()}+ waiting`);

    // One admission tick taking 500 users off the head of the 1M line (the worker's script).
    const tickStart = performance.now();
    const admitted = await container.waitingRoom.repository.admit(showtimeId, {
      ratePerSecond: 500,
      maxActive: 5_000,
      sessionMs: 600_000,
      batchId: randomUUID(),
      maxCatchUpMs: 1_000,
      rateTauMs: 10_000,
      salesOpenAtMs: 0,
    });
    const tickMs = performance.now() - tickStart;
    console.log(`admission tick: ${admitted.admitted.length} admitted in ${tickMs.toFixed(1)} ms`);

    // The draw at the open: DRAW_SIZE early entrants read, ordered by their SHA-256 keys and placed.
    const drawn = await createShowtimeWithSeats(container, { queue: { enabled: true } });
    const drawKeys = queueKeys(drawn.showtimeId);
    await fillLine(container.redis, drawKeys, DRAW_SIZE, Date.now() + 3_600_000);
    const drawStart = performance.now();
    const outcome = await container.waitingRoom.draw.run(drawn.showtimeId, 0);
    const drawMs = performance.now() - drawStart;
    console.log(`draw: ${JSON.stringify(outcome)} in ${drawMs.toFixed(0)} ms`);
    await container.redis.unlink(...Object.values(drawKeys));

    const report: Report = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
      loadAverage: loadAtStart,
      queueSize: waiting,
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
      fill: {
        entries: waiting,
        seconds: Number(fillSeconds.toFixed(2)),
        perSecond: Math.round(waiting / fillSeconds),
      },
      rounds,
      admissionTick: { admitted: admitted.admitted.length, ms: Number(tickMs.toFixed(1)) },
      draw: { earlyEntrants: DRAW_SIZE, ms: Math.round(drawMs) },
      statusScriptPerSecond: statusPerSecond,
    };
    writeFileSync(new URL('./reports/queue.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(new URL('./reports/queue.md', import.meta.url), markdown(report));
    console.log('wrote bench/reports/queue.md');
  } finally {
    api?.kill('SIGTERM');
    await container.redis.unlink(...Object.values(keys));
    await container.redis.unlink(...Object.values(shortKeys));
    await container.redis.srem(READY_SHOWTIMES_KEY, short.showtimeId);
    await container.redis.srem(READY_SHOWTIMES_KEY, showtimeId);
    await container.close();
    await resetDatabase();
  }
}

main().then(
  () => {
    if (errorsSeen > 0) {
      console.error(`VERDICT: FAIL: ${errorsSeen} requests failed or answered an unexpected status`);
      process.exit(1);
    }
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
