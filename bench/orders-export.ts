/**
 * The orders desk's CSV export over 100,000 orders (`npm run bench:orders-export`): the API in its
 * own process (bench/api-server.ts, production mode), the orders inserted in bulk SQL, one admin
 * downloading GET /admin/orders?format=csv. Measures the time to the first byte and to the last,
 * the rows received, and the API process's memory: resident before, sampled peak during, and the
 * kernel's high-water mark (VmHWM). Writes bench/reports/orders-export.{md,json}.
 * BENCH_ORDERS (default 100,000) changes the size.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { createDb, createPool, ensureDatabase, type DbOrTx } from '../src/infra/db.ts';
import { migrateToLatest } from '../src/infra/migrate.ts';
import { hashPassword } from '../src/modules/users/passwords.ts';
import { createShowtimeWithSeats } from '../test/factories.ts';
import { deleteBrokerObjects } from '../test/broker-cleanup.ts';
import { machine, productionEnv, setting, startApi, writeReport } from './rounds.ts';

const ORDERS = setting('BENCH_ORDERS', 100_000, 1_000, 1_000_000);
const SEATS_PER_SHOWTIME = 5_000;
const USERS = Math.max(1, Math.floor(ORDERS / 5));
const TARGET_SECONDS = 30;
const TARGET_PEAK_GROWTH_MB = 128;
/**
 * The API's V8 old-space cap (MB; 0: Node's default). Uncapped, V8 lets garbage pile up before it
 * collects (the heap grows with the rows sent, collected or not); under a cap it collects, so an export
 * that held its rows would run out of memory instead of finishing.
 */
const API_HEAP_MB = setting('BENCH_API_HEAP_MB', 128, 0, 8_192);
const id = `${process.pid}`;
const dbName = `ct_bench_export_${id}`;
const base = new URL(loadConfig().DATABASE_URL);
base.pathname = `/${dbName}`;
const env: Record<string, string> = {
  ...productionEnv(),
  DATABASE_URL: base.toString(),
  REDIS_KEY_PREFIX: `bench:export:${id}:`,
  AMQP_EXCHANGE: `ct.bench.export.${id}`,
  AMQP_QUEUE_PREFIX: `ct.bench.export.${id}`,
};
const ADMIN = { email: `bench-admin-${id}@example.com`, password: 'Bench-admin-2345!' };

function memoryOf(pid: number): { rssMb: number; hwmMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

async function seed(db: DbOrTx): Promise<number> {
  const t0 = performance.now();
  await sql`
    INSERT INTO users (email, password_hash, nickname, phone, role, email_verified_at)
    SELECT 'buyer-' || g || '@example.com', 'not-a-password',
           CASE WHEN g % 1000 = 0 THEN '=HYPERLINK("x")' ELSE '관객' || g END,
           '010' || lpad(g::text, 8, '0'), 'USER', now()
    FROM generate_series(1, ${USERS}) g`.execute(db);
  await sql`
    INSERT INTO users (email, password_hash, nickname, role, email_verified_at)
    VALUES (${ADMIN.email}, ${await hashPassword(ADMIN.password)}, 'bench admin', 'ADMIN', now())`.execute(
    db,
  );
  const showtimes = Math.ceil(ORDERS / SEATS_PER_SHOWTIME);
  for (let i = 0; i < showtimes; i++) {
    await createShowtimeWithSeats(
      { db },
      { rows: 50, seatsPerRow: SEATS_PER_SHOWTIME / 50, title: `벤치마크 공연 ${i + 1}` },
    );
  }
  // One order per seat: the hold id is the seat id, which joins the seat row below.
  await sql`
    WITH s AS (
      SELECT seat.id, seat.showtime_id, st.performance_id, row_number() OVER (ORDER BY seat.id) AS n
      FROM seats seat JOIN showtimes st ON st.id = seat.showtime_id
      LIMIT ${ORDERS}
    ), u AS (
      SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM users WHERE role = 'USER'
    )
    INSERT INTO reservations (user_id, showtime_id, performance_id, hold_id, status, amount, total, payment_id,
                              booking_number, booker_name, booker_phone, payment_status, step, expires_at,
                              confirmed_at, created_at)
    SELECT u.id, s.showtime_id, s.performance_id, s.id, 'CONFIRMED', 100000, 100000, gen_random_uuid(),
           'CT261201' || lpad(s.n::text, 6, '0'), '예매자' || s.n, '010' || lpad((s.n % ${USERS})::text, 8, '0'),
           'PAID', 'CONFIRMED', now(), now(), now() - s.n * interval '1 second'
    FROM s JOIN u ON u.k = s.n % ${USERS}`.execute(db);
  await sql`
    INSERT INTO reservation_seats (reservation_id, seat_id, showtime_id, price)
    SELECT r.id, r.hold_id, r.showtime_id, 100000 FROM reservations r`.execute(db);
  await sql`ANALYZE`.execute(db);
  const n = await sql<{ n: string }>`SELECT count(*) AS n FROM reservations`.execute(db);
  console.log(`${n.rows[0]!.n} orders seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return Number(n.rows[0]!.n);
}

async function main(): Promise<void> {
  const config = loadConfig(env);
  await ensureDatabase(config.DATABASE_URL);
  const db = createDb(createPool({ url: config.DATABASE_URL, poolSize: 4 }));
  let api: Awaited<ReturnType<typeof startApi>> | undefined;
  try {
    await migrateToLatest(db);
    // Bulk seeding runs past the pool's statement timeout: one connection without it.
    const seeded = await db.connection().execute(async (conn) => {
      await sql`SET statement_timeout = 0`.execute(conn);
      return seed(conn);
    });
    api = await startApi({
      ...env,
      ...(API_HEAP_MB > 0
        ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${API_HEAP_MB}`.trim() }
        : {}),
    });
    const pid = api.child.pid!;
    const login = await fetch(`${api.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    if (!login.ok) throw new Error(`admin login: ${login.status} ${await login.text()}`);
    const { accessToken } = (await login.json()) as { accessToken: string };
    // Warm the route (schemas compiled, pool connected) on a small search, then let the heap settle.
    await (
      await fetch(`${api.base}/api/v1/admin/orders?size=5`, {
        headers: { authorization: `Bearer ${accessToken}` },
      })
    ).text();
    await new Promise((r) => setTimeout(r, 1_000));
    /** The API's V8 heap in use (prom-client's default metrics on the metrics port). */
    const heapUsedMb = async (): Promise<number> => {
      const text = await (await fetch(`${api!.metrics}/metrics`)).text();
      const m = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})? (\d+(?:\.\d+)?)/m.exec(text);
      return m ? Number(m[1]) / 1_048_576 : NaN;
    };
    /** One download: time to first and last byte, rows, and the API's memory meanwhile. */
    const download = async (query: string) => {
      const before = memoryOf(pid);
      let peak = before.rssMb;
      const heapBefore = await heapUsedMb();
      let heapPeak = heapBefore;
      const sampler = setInterval(() => {
        peak = Math.max(peak, memoryOf(pid).rssMb);
      }, 50);
      const heapSampler = setInterval(() => {
        void heapUsedMb().then((mb) => {
          if (Number.isFinite(mb)) heapPeak = Math.max(heapPeak, mb);
        });
      }, 250);
      const started = performance.now();
      const res = await fetch(`${api!.base}/api/v1/admin/orders?format=csv${query}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      if (!res.ok || !res.body) throw new Error(`export: ${res.status}`);
      let firstByteMs = NaN;
      let bytes = 0;
      let lines = 0;
      let head = '';
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - started;
        bytes += chunk.byteLength;
        for (const b of chunk) if (b === 10) lines++;
        if (head.length < 400) head += Buffer.from(chunk.subarray(0, 400)).toString('utf8');
      }
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      clearInterval(heapSampler);
      return { before, peak, heapBefore, heapPeak, firstByteMs, bytes, rows: lines - 1, head, seconds };
    };
    // A fifth of the orders first (the newest: ordered after this cut), then all of them: if the export
    // held what it sends, the second would grow the process about five times as much.
    const cut = new Date(Date.now() - Math.floor(seeded / 5) * 1000 - 500).toISOString();
    const small = await download(`&from=${encodeURIComponent(cut)}`);
    await new Promise((r) => setTimeout(r, 1_000));
    const full = await download('');
    const { before, peak, firstByteMs, bytes, head, seconds } = full;
    const lines = full.rows + 1;
    const after = memoryOf(pid);
    const rows = lines - 1;
    const result = {
      at: new Date().toISOString(),
      machine: machine(),
      orders: seeded,
      rowsReceived: rows,
      megabytes: Math.round((bytes / 1_048_576) * 10) / 10,
      firstByteMs: Math.round(firstByteMs),
      seconds: Math.round(seconds * 100) / 100,
      rowsPerSecond: Math.round(rows / seconds),
      apiRssBeforeMb: Math.round(before.rssMb),
      apiRssPeakSampledMb: Math.round(peak),
      apiRssGrowthMb: Math.round(peak - before.rssMb),
      apiHighWaterMb: Math.round(after.hwmMb),
      startsWithBom: head.startsWith('\uFEFF'),
      apiHeapCapMb: API_HEAP_MB,
      apiHeapBeforeMb: Math.round(full.heapBefore),
      apiHeapPeakSampledMb: Math.round(full.heapPeak),
      fifth: {
        apiHeapBeforeMb: Math.round(small.heapBefore),
        apiHeapPeakSampledMb: Math.round(small.heapPeak),
        rows: small.rows,
        seconds: Math.round(small.seconds * 100) / 100,
        apiRssBeforeMb: Math.round(small.before.rssMb),
        apiRssPeakSampledMb: Math.round(small.peak),
        apiRssGrowthMb: Math.round(small.peak - small.before.rssMb),
      },
    };
    const checks = [
      { name: 'every order exported once (rows = orders)', pass: rows === seeded },
      { name: 'UTF-8 BOM first (Excel reads Korean)', pass: result.startsWithBom },
      { name: `done within ${TARGET_SECONDS} s`, pass: seconds <= TARGET_SECONDS },
      {
        name: `API resident memory grows less than ${TARGET_PEAK_GROWTH_MB} MB (streamed, not loaded whole)`,
        pass: result.apiRssGrowthMb < TARGET_PEAK_GROWTH_MB,
      },
    ];
    const md = `# Orders CSV export (bench/orders-export.ts)

${result.at} — ${machine()}.
${seeded.toLocaleString('en')} CONFIRMED orders of ${USERS.toLocaleString('en')} buyers (bulk SQL), one API process
(\`bench/api-server.ts\`, NODE_ENV=production, V8 old space capped at ${API_HEAP_MB || 'the default'} MB), one admin downloading \`GET /admin/orders?format=csv\` (no filter:
every order). PostgreSQL and the API share the 2-core machine with this script.

| figure | value | target |
| --- | --- | --- |
| rows received / orders | ${rows.toLocaleString('en')} / ${seeded.toLocaleString('en')} | equal |
| size | ${result.megabytes} MB | |
| first byte | ${result.firstByteMs} ms | |
| whole file | ${result.seconds} s (${result.rowsPerSecond.toLocaleString('en')} rows/s) | ≤ ${TARGET_SECONDS} s |
| API RSS before → sampled peak (growth) | ${result.apiRssBeforeMb} → ${result.apiRssPeakSampledMb} MB (+${result.apiRssGrowthMb} MB) | growth < ${TARGET_PEAK_GROWTH_MB} MB |
| API high-water mark (VmHWM, whole process life) | ${result.apiHighWaterMb} MB | |
| API V8 heap used before → sampled peak (every 250 ms, /metrics) | ${result.apiHeapBeforeMb} → ${result.apiHeapPeakSampledMb} MB | |
| before it, a fifth (${result.fifth.rows.toLocaleString('en')} rows): time; RSS before → peak (growth); heap before → peak | ${result.fifth.seconds} s; ${result.fifth.apiRssBeforeMb} → ${result.fifth.apiRssPeakSampledMb} MB (+${result.fifth.apiRssGrowthMb} MB); ${result.fifth.apiHeapBeforeMb} → ${result.fifth.apiHeapPeakSampledMb} MB | |

How it streams: keyset batches of 1,000 orders (\`created_at, id\` descending, by the
\`reservations_created\` index), each batch's buyers in one query through the users module, written to the
reply before the next batch is read (a Node Readable from an async generator: back-pressure from the socket
pauses the reading). Memory holds one batch, whatever the number of orders.

${checks.map((c) => `- ${c.pass ? 'PASS' : 'FAIL'}: ${c.name}`).join('\n')}
`;
    await writeReport('orders-export', md, { ...result, checks });
    process.exitCode = checks.every((c) => c.pass) ? 0 : 1;
  } finally {
    await api?.stop();
    await db.destroy();
    await deleteBrokerObjects(env.AMQP_EXCHANGE!, env.AMQP_QUEUE_PREFIX!).catch(() => undefined);
    const admin = createDb(createPool({ url: loadConfig().DATABASE_URL, poolSize: 1 }));
    await sql`DROP DATABASE IF EXISTS ${sql.id(dbName)} WITH (FORCE)`.execute(admin).catch((err: unknown) => {
      console.warn('could not drop the bench database', err);
    });
    await admin.destroy();
  }
}

await main();
