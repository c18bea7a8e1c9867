/**
 * Fan chat load test (run by hand, never in `npm test`): N signed-in clients in one room, connected
 * from separate client processes to a real API process, while one more client sends M messages a
 * second. Measures delivery latency from send to the LAST receiver (p50/p99 over messages), the API
 * process's memory per open connection, and its CPU time per 1,000 deliveries.
 * Writes bench/reports/chat.md.
 *
 *   npm run bench:chat
 *   BENCH_CHAT_CLIENTS=2000 BENCH_CHAT_PROCESSES=4 BENCH_CHAT_RATE=20 BENCH_CHAT_SECONDS=30 npm run bench:chat
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import pg from 'pg';
import WebSocket from 'ws';
import { loadConfig } from '../src/config.ts';
import { createContainer } from '../src/container.ts';
import { migrateToLatest } from '../src/infra/migrate.ts';
import { createShowtimeWithSeats, createUsers } from '../test/factories.ts';

const CLIENTS = Number(process.env.BENCH_CHAT_CLIENTS ?? 200);
const PROCESSES = Number(process.env.BENCH_CHAT_PROCESSES ?? 4);
const RATE = Number(process.env.BENCH_CHAT_RATE ?? 20);
const SECONDS = Number(process.env.BENCH_CHAT_SECONDS ?? 5);
const DB_NAME = 'ct_bench_chat';
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Wall time with sub-millisecond resolution, comparable across processes on one machine. */
const nowMs = () => performance.timeOrigin + performance.now();

type ToClient = { kind: 'start'; url: string; tokens: string[] } | { kind: 'report' };
type FromClient =
  | { kind: 'ready'; connected: number; failed: number }
  | { kind: 'report'; latest: Record<string, number>; received: number; closed: number };

// --- a client process: its share of the sockets ----------------------------------------------------

async function clientProcess(): Promise<void> {
  const send = (m: FromClient) => process.send!(m);
  /** Per message (by the sender's sequence number): the latest arrival over this process's sockets. */
  const latest: Record<string, number> = {};
  let received = 0;
  let closed = 0;
  process.on('message', (msg: ToClient) => {
    if (msg.kind === 'report') {
      send({ kind: 'report', latest, received, closed });
      return;
    }
    void (async () => {
      let connected = 0;
      let failed = 0;
      const open = (token: string) =>
        new Promise<void>((resolve) => {
          const ws = new WebSocket(msg.url, { perMessageDeflate: false });
          let ready = false;
          ws.on('open', () => ws.send(JSON.stringify({ type: 'auth', token })));
          ws.on('message', (data) => {
            const text = String(data);
            if (!ready) {
              if (text.includes('"ready"')) {
                ready = true;
                connected += 1;
                resolve();
              }
              return;
            }
            if (!text.startsWith('{"type":"message"')) return;
            const frame = JSON.parse(text) as { text: string };
            const [kind, seq, at] = frame.text.split(':');
            if (kind !== 'b' || !seq || !at) return;
            received += 1;
            const arrived = nowMs() - Number(at);
            if (!(seq in latest) || arrived > latest[seq]!) latest[seq] = arrived;
          });
          ws.on('close', () => {
            closed += 1;
            if (!ready) {
              failed += 1;
              resolve();
            }
          });
          ws.on('error', () => undefined);
        });
      // A few hundred at a time, so the upgrade handshakes do not all land in the same tick.
      for (let i = 0; i < msg.tokens.length; i += 100) {
        await Promise.all(msg.tokens.slice(i, i + 100).map(open));
      }
      send({ kind: 'ready', connected, failed });
    })();
  });
}

// --- the parent: stack, clients, sender, figures ---------------------------------------------------

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr !== 'string' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Resident memory of a process, in bytes (Linux). */
function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? 0) * 1024;
}

/** User + system CPU time of a process, in milliseconds (Linux, 100 ticks a second). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const MEMORY_FILE = `/tmp/ct-bench-chat-memory-${process.pid}.json`;

/** Live memory of the API after a full GC (bench/memory-probe.ts answers SIGUSR2). */
async function liveMemoryOf(
  child: ChildProcess,
): Promise<{ heapUsed: number; external: number; rss: number }> {
  rmSync(MEMORY_FILE, { force: true });
  child.kill('SIGUSR2');
  for (let i = 0; i < 100 && !existsSync(MEMORY_FILE); i++) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 50));
  return JSON.parse(readFileSync(MEMORY_FILE, 'utf8')) as { heapUsed: number; external: number; rss: number };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function waitForLive(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/health/live`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('API did not start');
}

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await admin.end();
  const port = await freePort();
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${DB_NAME}`,
    REDIS_KEY_PREFIX: `bench:chat:${process.pid}:`,
    AMQP_EXCHANGE: `ct.bench.chat.${process.pid}`,
    AMQP_QUEUE_PREFIX: `ct.bench.chat.${process.pid}`,
    CHAT_MAX_CONNECTIONS_PER_INSTANCE: String(CLIENTS + 100),
    CHAT_RATE_LIMIT_MESSAGES: '10000',
    CHAT_ACTIVITY_DELAY_MS: '600000',
  };
  const container = await createContainer(loadConfig(env), 'cli');
  let api: ChildProcess | undefined;
  const children: ChildProcess[] = [];
  try {
    await migrateToLatest(container.db);
    const { performanceId } = await createShowtimeWithSeats(container, { rows: 1, seatsPerRow: 1 });
    const users = [];
    for (let i = 0; i < CLIENTS + 1; i += 1000) {
      users.push(...(await createUsers(container, Math.min(1000, CLIENTS + 1 - i))));
    }
    const sender = users.pop()!;

    api = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', '--import', './bench/memory-probe.ts', 'src/main.ts', 'api'],
      {
        env: { ...process.env, ...env, BENCH_MEMORY_FILE: MEMORY_FILE },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    const base = `http://127.0.0.1:${port}`;
    await waitForLive(base, api);
    const url = `ws://127.0.0.1:${port}/api/v1/performances/${performanceId}/chat`;
    // Warm the route (one socket) before the baseline, so code loading is not counted per connection.
    const warm = new WebSocket(url);
    await new Promise((r) => warm.once('open', r));
    warm.send(JSON.stringify({ type: 'auth', token: sender.token }));
    await new Promise((r) => warm.once('message', r));
    warm.close();
    await new Promise((r) => setTimeout(r, 1_000));
    const rssBefore = rssOf(api.pid!);
    const liveBefore = await liveMemoryOf(api);

    // --- connect N clients from separate processes ---
    const connectStart = performance.now();
    const replies: FromClient[][] = Array.from({ length: PROCESSES }, () => []);
    const next = (i: number, kind: FromClient['kind']) =>
      new Promise<FromClient>((resolve) => {
        const check = () => {
          const found = replies[i]!.find((r) => r.kind === kind);
          if (found) resolve(found);
          else setTimeout(check, 50);
        };
        check();
      });
    for (let i = 0; i < PROCESSES; i++) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'bench/chat.ts', 'client'], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      child.on('message', (m: FromClient) => replies[i]!.push(m));
      children.push(child);
      const share = users.slice(
        Math.floor((i * users.length) / PROCESSES),
        Math.floor(((i + 1) * users.length) / PROCESSES),
      );
      child.send({ kind: 'start', url, tokens: share.map((u) => u.token) } satisfies ToClient);
    }
    const ready = (await Promise.all(children.map((_, i) => next(i, 'ready')))) as Extract<
      FromClient,
      { kind: 'ready' }
    >[];
    const connected = ready.reduce((n, r) => n + r.connected, 0);
    const failed = ready.reduce((n, r) => n + r.failed, 0);
    const connectSeconds = (performance.now() - connectStart) / 1000;
    await new Promise((r) => setTimeout(r, 2_000));
    const rssConnected = rssOf(api.pid!);
    const liveConnected = await liveMemoryOf(api);
    console.log(`connected ${connected}/${CLIENTS} in ${connectSeconds.toFixed(1)} s (${failed} failed)`);

    // --- send M messages a second for S seconds from one more client ---
    const out = new WebSocket(url);
    await new Promise((r) => out.once('open', r));
    out.send(JSON.stringify({ type: 'auth', token: sender.token }));
    await new Promise((r) => out.once('message', r));
    // Warm-up messages (not measured): the first sends load and optimise the path.
    for (let i = 0; i < 20; i++) {
      out.send(JSON.stringify({ type: 'message', clientId: `warm-${i}`, text: `w:${i}:0` }));
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 1_000));
    const total = RATE * SECONDS;
    const cpuBefore = cpuMsOf(api.pid!);
    const sendStart = performance.now();
    for (let seq = 0; seq < total; seq++) {
      const due = sendStart + (seq * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      out.send(
        JSON.stringify({ type: 'message', clientId: `bench-${seq}`, text: `b:${seq}:${nowMs().toFixed(3)}` }),
      );
    }
    // Let the last deliveries land.
    await new Promise((r) => setTimeout(r, 3_000));
    const cpuMs = cpuMsOf(api.pid!) - cpuBefore;
    const rssAfter = rssOf(api.pid!);
    out.close();

    for (const c of children) c.send({ kind: 'report' } satisfies ToClient);
    const reports = (await Promise.all(children.map((_, i) => next(i, 'report')))) as Extract<
      FromClient,
      { kind: 'report' }
    >[];
    const lastReceiver = new Map<string, number>();
    for (const r of reports) {
      for (const [seq, ms] of Object.entries(r.latest)) {
        lastReceiver.set(seq, Math.max(lastReceiver.get(seq) ?? 0, ms));
      }
    }
    const received = reports.reduce((n, r) => n + r.received, 0);
    const dropped = reports.reduce((n, r) => n + r.closed, 0);
    const latencies = [...lastReceiver.values()].sort((x, y) => x - y);
    const expected = total * connected;
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const max = latencies.at(-1) ?? NaN;
    const live = (m: { heapUsed: number; external: number }) => m.heapUsed + m.external;
    const perConnKb = (live(liveConnected) - live(liveBefore)) / Math.max(1, connected) / 1024;
    const cpuPer1000 = cpuMs / Math.max(1, received / 1000);

    const report = `# Fan chat bench

Run by hand: \`npm run bench:chat\` (bench/chat.ts). ${new Date().toISOString().slice(0, 16)}Z,
${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; PostgreSQL,
Redis and the API process on the same machine as the client processes; load average at the end
${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' / ')} (1/5/15 min; other work shares these CPUs).

| setting | value |
| --- | --- |
| clients in one room | ${CLIENTS} (${connected} connected, ${failed} refused), from ${PROCESSES} client processes |
| messages in | ${RATE}/s for ${SECONDS} s (${total} messages) from one more client |
| deliveries expected / received | ${expected.toLocaleString()} / ${received.toLocaleString()} (${((received / Math.max(1, expected)) * 100).toFixed(2)} %) |
| sockets closed during the run | ${dropped} |

| figure | value |
| --- | --- |
| delivery latency, send → last receiver, p50 | ${p50.toFixed(1)} ms |
| delivery latency, send → last receiver, p99 | ${p99.toFixed(1)} ms (target < 250 ms) |
| delivery latency, send → last receiver, max | ${max.toFixed(1)} ms |
| API memory per open connection (live heap + external after a full GC) | ${perConnKb.toFixed(1)} kB |
| API RSS | ${(rssBefore / 1048576).toFixed(0)} MB before, ${(rssConnected / 1048576).toFixed(0)} MB connected, ${(rssAfter / 1048576).toFixed(0)} MB after sending |
| API CPU per 1,000 deliveries | ${cpuPer1000.toFixed(2)} ms (${cpuMs} ms CPU over the send phase) |
| connect time for all clients | ${connectSeconds.toFixed(1)} s |

Latency is measured from the sender's clock just before \`send\` to each receiver's clock on arrival
(one machine, so one clock), taking per message the latest arrival over all receivers, then the
percentiles over messages. The path is: socket → validation, mute and rate checks → one PostgreSQL
transaction (room counter + insert) → Redis PUBLISH → the API's subscriber → one serialisation →
${connected} socket writes.
`;
    writeFileSync('bench/reports/chat.md', report);
    console.log(report);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    api?.kill('SIGTERM');
    await container.close();
  }
}

if (process.argv[2] === 'client') {
  void clientProcess();
} else {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
