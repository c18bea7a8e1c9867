/**
 * Sales-open alert fan-out at scale, by hand (not in CI): BENCH_USERS users (default 200,000),
 * inserted in bulk with SQL, all subscribed to one showtime. A worker in its own process (as
 * `npm run start:worker` runs it) is started; the showtime's salesOpenAt is then moved to "now", and
 * the run measures, from that UPDATE:
 *   - the time until every subscriber's ONSALE_OPEN notification is stored (target ≤ 60 s),
 *   - that nobody got two (count(*) = count(DISTINCT user_id)),
 *   - the worker's peak RSS (VmHWM, and RSS sampled every 250 ms; target < 512 MB),
 *   - the 'onsale-alert' mail rows queued (sending them is the mail sender's job: its poll is set to
 *     a minute so it does not compete during the measurement).
 * The opening is moved straight to the past, so only ONSALE_OPEN is due (ONSALE_SOON is never sent
 * once sales are open). Writes bench/reports/alerts.{md,json}.
 *
 *   npm run bench:alerts            (BENCH_USERS=20000 for a quick run)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { createDb, createPool, ensureDatabase } from '../src/infra/db.ts';
import { migrateToLatest } from '../src/infra/migrate.ts';
import { createShowtimeWithSeats } from '../test/factories.ts';
import { deleteBrokerObjects } from '../test/broker-cleanup.ts';
import { machine, productionEnv, ROOT, setting, writeReport } from './rounds.ts';

const USERS = setting('BENCH_USERS', 200_000, 1_000, 1_000_000);
const TARGET_SECONDS = 60;
const TARGET_RSS_MB = 512;
const TIMEOUT_SECONDS = setting('BENCH_TIMEOUT_SECONDS', 600, 30, 3_600);
const id = `${process.pid}`;
const dbName = `ct_bench_alerts_${id}`;
const base = new URL(loadConfig().DATABASE_URL);
base.pathname = `/${dbName}`;
const env: Record<string, string> = {
  ...productionEnv(),
  DATABASE_URL: base.toString(),
  REDIS_KEY_PREFIX: `bench:alerts:${id}:`,
  AMQP_EXCHANGE: `ct.bench.alerts.${id}`,
  AMQP_QUEUE_PREFIX: `ct.bench.alerts.${id}`,
  WORKER_METRICS_PORT: '0',
  ONSALE_ALERTS_INTERVAL_MS: '1000',
  MAIL_POLL_MS: '60000',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function memoryOf(pid: number): { rssMb: number; hwmMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'worker'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // The worker logs at warn: "broker connected" is info, so wait for the process and give it time.
    });
    child.once('exit', (code) => reject(new Error(`worker exited early (${code}): ${out.slice(-2000)}`)));
    setTimeout(() => resolve(child), 4_000);
  });
}

async function main(): Promise<void> {
  const config = loadConfig(env);
  await ensureDatabase(config.DATABASE_URL);
  const db = createDb(createPool({ url: config.DATABASE_URL, poolSize: 4 }));
  let worker: ChildProcess | undefined;
  try {
    await migrateToLatest(db);
    const t0 = performance.now();
    await sql`
      INSERT INTO users (email, password_hash, nickname, role, email_verified_at)
      SELECT 'bench-' || g || '@example.com', 'not-a-password', 'bench', 'USER', now()
      FROM generate_series(1, ${USERS}) g`.execute(db);
    const show = await createShowtimeWithSeats(
      { db },
      {
        rows: 1,
        seatsPerRow: 10,
        salesOpenAt: new Date(Date.now() + 7 * 86400_000),
        startsAt: new Date(Date.now() + 30 * 86400_000),
        title: '벤치마크 공연',
      },
    );
    await sql`INSERT INTO onsale_alerts (user_id, showtime_id) SELECT id, ${show.showtimeId} FROM users`.execute(
      db,
    );
    await sql`ANALYZE onsale_alerts`.execute(db);
    await sql`ANALYZE users`.execute(db);
    const setupSeconds = (performance.now() - t0) / 1000;
    console.log(`${USERS} users subscribed in ${setupSeconds.toFixed(1)} s; starting the worker`);

    worker = await startWorker();
    const pid = worker.pid!;
    const idle = memoryOf(pid);
    let peakRss = idle.rssMb;
    const sampler = setInterval(() => {
      try {
        peakRss = Math.max(peakRss, memoryOf(pid).rssMb);
      } catch {
        // The worker exited: the loop below notices.
      }
    }, 250);

    // Move the opening to now: the next fan-out run (every second) finds it due.
    const moved = await sql<{ at: Date }>`
      UPDATE showtimes SET sales_open_at = date_trunc('second', now()) WHERE id = ${show.showtimeId}
      RETURNING sales_open_at AS at`.execute(db);
    const openAt = moved.rows[0]!.at;
    const started = performance.now();
    const key = `ONSALE_OPEN:perf:${show.performanceId}:${openAt.toISOString()}`;
    let stored = 0;
    const progress: { seconds: number; stored: number }[] = [];
    while (stored < USERS && (performance.now() - started) / 1000 < TIMEOUT_SECONDS) {
      await sleep(500);
      const { rows } = await sql<{ n: string }>`
        SELECT count(*) AS n FROM notifications WHERE type = 'ONSALE_OPEN' AND dedupe_key = ${key}`.execute(
        db,
      );
      stored = Number(rows[0]!.n);
      const seconds = (performance.now() - started) / 1000;
      if (progress.length === 0 || seconds - progress.at(-1)!.seconds >= 5 || stored >= USERS) {
        progress.push({ seconds: Math.round(seconds * 10) / 10, stored });
        console.log(`${seconds.toFixed(1)} s: ${stored} stored`);
      }
    }
    const elapsed = (performance.now() - started) / 1000;
    // Let redeliveries or a late page show up before counting duplicates.
    await sleep(3_000);
    clearInterval(sampler);
    const hwm = memoryOf(pid).hwmMb;
    const counts = await sql<{ total: string; users: string }>`
      SELECT count(*) AS total, count(DISTINCT user_id) AS users FROM notifications WHERE type = 'ONSALE_OPEN'`.execute(
      db,
    );
    const soon = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM notifications WHERE type = 'ONSALE_SOON'`.execute(db);
    const mails = await sql<{ n: string; pending: string }>`
      SELECT count(*) AS n, count(*) FILTER (WHERE status = 'pending') AS pending
      FROM mail_queue WHERE template = 'onsale-alert'`.execute(db);
    const run = await sql<{ pages: number; claimed_at: Date; finished_at: Date | null }>`
      SELECT pages, claimed_at, finished_at FROM alert_runs WHERE showtime_id = ${show.showtimeId} AND phase = 'ONSALE_OPEN'`.execute(
      db,
    );
    const total = Number(counts.rows[0]!.total);
    const distinct = Number(counts.rows[0]!.users);
    const result = {
      at: new Date().toISOString(),
      machine: machine(),
      users: USERS,
      pageSize: config.ONSALE_ALERT_PAGE_SIZE,
      pages: run.rows[0]?.pages ?? 0,
      fanoutPublishSeconds:
        run.rows[0]?.finished_at && run.rows[0].claimed_at
          ? (run.rows[0].finished_at.getTime() - run.rows[0].claimed_at.getTime()) / 1000
          : null,
      secondsUntilAllStored: stored >= USERS ? Math.round(elapsed * 10) / 10 : null,
      stored,
      notifications: total,
      distinctUsers: distinct,
      soonSent: Number(soon.rows[0]!.n),
      mailRowsQueued: Number(mails.rows[0]!.n),
      mailRowsPending: Number(mails.rows[0]!.pending),
      workerRssIdleMb: Math.round(idle.rssMb),
      workerRssPeakSampledMb: Math.round(peakRss),
      workerRssHighWaterMb: Math.round(hwm),
      setupSeconds: Math.round(setupSeconds * 10) / 10,
      progress,
    };
    const checks = [
      {
        name: `every notification stored within ${TARGET_SECONDS} s`,
        pass: result.secondsUntilAllStored !== null && result.secondsUntilAllStored <= TARGET_SECONDS,
      },
      {
        name: 'nobody got two (count = count distinct = users)',
        pass: total === distinct && distinct === USERS,
      },
      { name: `worker RSS < ${TARGET_RSS_MB} MB`, pass: hwm < TARGET_RSS_MB },
    ];
    const md = `# Sales-open alert fan-out (bench/alerts.ts)

${result.at} — ${machine()}.
${USERS.toLocaleString('en')} users (bulk SQL) subscribed to one showtime; one worker process (\`src/main.ts worker\`,
NODE_ENV=production, fan-out job every 1 s, pages of ${result.pageSize}); the showtime's salesOpenAt moved to now.
PostgreSQL, Redis and RabbitMQ share the 2-core machine with the worker and this script.

| figure | value | target |
| --- | --- | --- |
| UPDATE salesOpenAt → every ONSALE_OPEN stored | ${result.secondsUntilAllStored ?? `not done after ${TIMEOUT_SECONDS} s (${stored} stored)`} s | ≤ ${TARGET_SECONDS} s |
| fan-out: claim → last page published (${result.pages} broker messages) | ${result.fanoutPublishSeconds ?? '–'} s | |
| notifications / distinct users | ${total} / ${distinct} | equal, = ${USERS} |
| ONSALE_SOON sent (opening already passed) | ${result.soonSent} | 0 |
| worker RSS idle / peak sampled / high-water (VmHWM) | ${result.workerRssIdleMb} / ${result.workerRssPeakSampledMb} / ${result.workerRssHighWaterMb} MB | < ${TARGET_RSS_MB} MB |
| 'onsale-alert' mail rows queued (pending) | ${result.mailRowsQueued} (${result.mailRowsPending}) | one per user |

Progress (seconds after the UPDATE → notifications stored): ${progress.map((p) => `${p.seconds}s ${p.stored}`).join(', ')}.

The time includes up to one job interval (1 s) before the run is claimed. Mail is only queued here:
the sender's poll was set to a minute, and its sending rate is measured elsewhere.

${checks.map((c) => `- ${c.pass ? 'PASS' : 'FAIL'}: ${c.name}`).join('\n')}
`;
    await writeReport('alerts', md, { ...result, checks });
    process.exitCode = checks.every((c) => c.pass) ? 0 : 1;
  } finally {
    if (worker && worker.exitCode === null) {
      worker.removeAllListeners('exit');
      worker.kill('SIGTERM');
      await new Promise((r) => worker!.once('exit', r));
    }
    await db.destroy();
    await deleteBrokerObjects(env.AMQP_EXCHANGE!, env.AMQP_QUEUE_PREFIX!);
    if (!process.env.BENCH_KEEP_DB) {
      const admin = new pg.Client({ connectionString: adminUrlOf(config) });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin.end();
    }
  }
}

function adminUrlOf(config: { DATABASE_URL: string }): string {
  const u = new URL(config.DATABASE_URL);
  u.pathname = '/postgres';
  return u.toString();
}

await main();
