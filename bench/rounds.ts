/**
 * What every bench shares, so that none can be fooled:
 * - `load` counts every response whose status the caller did not expect as an error (by default
 *   anything outside 2xx/3xx), plus transport errors and timeouts, and reports the throughput of the
 *   expected responses only;
 * - `pairedRounds` measures the sides of a comparison one after the other in every round, in the
 *   opposite order each round, so a burst of other work on this shared machine hits both;
 * - `pairedRatio` takes the median of the rounds' own ratios, never best against best;
 * - `verdict` fails on any error, whatever else was measured, and `finish` exits non-zero then;
 * - `startServer` runs a server (the API, or the bare Fastify baseline of bench/bare.ts) in its own
 *   process, unpinned and in production mode, as a user runs it.
 * Bounded: rounds and seconds are capped, and everything listens on loopback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..');

/** A whole number from the environment, within bounds: a bench never runs unbounded. */
export function setting(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name} must be a number from ${min} to ${max} (got ${raw})`);
  }
  return value;
}

export interface Sample {
  /** Responses with an expected status per second of the measurement. */
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Responses with an expected status. */
  ok: number;
  /** Unexpected statuses + transport errors + timeouts. */
  errors: number;
  statuses: Record<string, number>;
}

const okByDefault = (status: number): boolean => status >= 200 && status < 400;

/** Turns an autocannon result into a Sample; `expected` decides which statuses are not errors. */
export function sampleOf(
  r: autocannon.Result,
  expected: (status: number) => boolean = okByDefault,
  /** The measured time, when known more precisely than autocannon's start/finish (see `responseClock`). */
  measuredSeconds?: number,
): Sample {
  const statuses: Record<string, number> = {};
  let ok = 0;
  let unexpected = 0;
  for (const [code, stat] of Object.entries(r.statusCodeStats ?? {})) {
    const count = (stat as { count: number }).count;
    statuses[code] = count;
    if (expected(Number(code))) ok += count;
    else unexpected += count;
  }
  const seconds = Math.max(0.001, measuredSeconds ?? (r.finish.getTime() - r.start.getTime()) / 1000);
  return {
    requestsPerSecond: Math.round(ok / seconds),
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok,
    errors: unexpected + r.errors + r.timeouts,
    statuses,
  };
}

/**
 * Times a run of a fixed number of requests (`amount`) from its start to its last response:
 * autocannon notices the end of such a run only on its next one-second tick, so its own start and
 * finish would add up to a second to a run of a few seconds.
 */
export function responseClock(): { onResponse: () => void; start: () => void; seconds: () => number } {
  let t0 = 0;
  let last = 0;
  return {
    start: () => {
      t0 = performance.now();
      last = t0;
    },
    onResponse: () => {
      last = performance.now();
    },
    seconds: () => (last - t0) / 1000,
  };
}

/** autocannon with a short warm-up first (JIT, keep-alive pools, caches); the warm-up is not counted. */
export async function load(
  opts: autocannon.Options,
  expected?: (status: number) => boolean,
  warmupSeconds = 2,
): Promise<Sample> {
  if (warmupSeconds > 0 && !opts.amount) await autocannon({ ...opts, duration: warmupSeconds });
  return sampleOf(await autocannon(opts), expected);
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Measures every side once per round; round 1 in the given order, round 2 reversed, and so on.
 * Returns the samples by side, index = round.
 */
export async function pairedRounds<S extends string, T>(
  sides: readonly S[],
  rounds: number,
  measure: (side: S, round: number) => Promise<T>,
): Promise<Record<S, T[]>> {
  const out = Object.fromEntries(sides.map((s) => [s, [] as T[]])) as Record<S, T[]>;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const sample = await measure(side, round);
      out[side].push(sample);
      console.log(`round ${round + 1}/${rounds} ${side}: ${JSON.stringify(sample)}`);
    }
  }
  return out;
}

/** The median of the rounds' own ratios a[i]/b[i]: each round's two sides met the same machine. */
export function pairedRatio(
  a: readonly number[],
  b: readonly number[],
): { median: number; perRound: number[] } {
  const perRound = a.map((x, i) => x / b[i]!);
  return { median: median(perRound), perRound };
}

export interface Check {
  name: string;
  pass: boolean;
}

export interface Verdict {
  pass: boolean;
  lines: string[];
}

/** Zero errors first, then the bench's own checks; any failed check fails the run. */
export function verdict(errors: number, checks: Check[]): Verdict {
  const all: Check[] = [{ name: `zero errors (got ${errors})`, pass: errors === 0 }, ...checks];
  return {
    pass: all.every((c) => c.pass),
    lines: all.map((c) => `- ${c.pass ? 'PASS' : '**FAIL**'}: ${c.name}`),
  };
}

/** The machine line every report starts with. */
export function machine(): string {
  const la = loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
  return `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${la}`;
}

export async function writeReport(name: string, md: string, json: unknown): Promise<void> {
  const dir = path.join(HERE, 'reports');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${name}.md`), md);
  await writeFile(path.join(dir, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\n${md}`);
}

/** Exits 0 when the verdict passed, 1 (with the reason on stderr) when it did not. */
export function finish(v: Verdict): never {
  if (!v.pass) console.error(`VERDICT: FAIL\n${v.lines.filter((l) => l.includes('FAIL')).join('\n')}`);
  else console.log('VERDICT: PASS');
  process.exit(v.pass ? 0 : 1);
}

/**
 * Production mode with secrets of this run (production refuses the development ones), logs at warn:
 * request logs would measure the pipe to the parent, not the server.
 */
export function productionEnv(): Record<string, string> {
  const secret = () => randomBytes(24).toString('hex');
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    JWT_SECRET: secret(),
    PAYMENT_GATEWAY_SECRET: secret(),
    PAYMENT_WEBHOOK_SECRET: secret(),
    TICKET_SIGNING_SECRET: secret(),
    ADMIN_PASSWORD: `Bench-${secret()}`,
  };
}

export interface Server {
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  base: string;
  /** Where the API serves /metrics (bench/api-server.ts); undefined for other servers. */
  metrics?: string;
  stop: () => Promise<void>;
}

/**
 * Runs `node --import tsx <script> <args>` and waits for the `{"address": …}` line it prints once
 * listening. Not pinned: the server and the load generator share both cores as a user's would.
 */
export function startServer(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  nodeFlags: string[] = [],
): Promise<Server> {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', script, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env,
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    // A profiled process (--cpu-prof) writes its profile on exit: give it longer before the kill.
    const timer = setTimeout(() => child.kill('SIGKILL'), nodeFlags.length > 0 ? 60_000 : 10_000);
    child.kill('SIGTERM');
    await exited;
    clearTimeout(timer);
  };
  process.once('exit', () => child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((l) => l.startsWith('{"address"'));
      if (!line) return;
      const { address, metrics } = JSON.parse(line) as { address: string; metrics?: string };
      resolve({ child, base: address, metrics, stop });
    });
    child.once('exit', (code) => reject(new Error(`${script} ${args.join(' ')} exited with ${code}`)));
    setTimeout(() => reject(new Error(`${script} ${args.join(' ')} did not start in 60 s`)), 60_000).unref();
  });
}

/**
 * The bare Fastify baseline (bench/bare.ts) in its own process, answering `route` with `body`.
 * BENCH_BARE_NODE_FLAGS adds Node flags to it, as BENCH_API_NODE_FLAGS does to the API.
 */
export async function startBare(route: BareRoute): Promise<Server> {
  const json = JSON.stringify(route);
  // The environment holds at most 128 kB per variable: a large body (a seat map) goes through a file.
  const file = path.join(tmpdir(), `ct-bare-route-${process.pid}-${randomBytes(4).toString('hex')}.json`);
  if (json.length > 64 * 1024) await writeFile(file, json);
  const flags = (process.env.BENCH_BARE_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const server = await startServer(
    path.join(HERE, 'bare.ts'),
    [],
    {
      ...process.env,
      NODE_ENV: 'production',
      ...(json.length > 64 * 1024 ? { BARE_ROUTE_FILE: file } : { BARE_ROUTE: json }),
    },
    flags,
  );
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await rm(file, { force: true });
    },
  };
}

export interface BareRoute {
  method: 'GET' | 'POST';
  url: string;
  status: number;
  body: unknown;
  /** Work done per request, to match the floor of the real route: a PostgreSQL commit and a Redis script. */
  work?: { databaseUrl: string; redisUrl: string; poolSize: number };
}

/**
 * The API (createContainer + buildApp) in its own process; see bench/api-server.ts. BENCH_API_NODE_FLAGS
 * adds Node flags to it alone, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` for a profile of the run.
 */
export function startApi(env: Record<string, string>): Promise<Server> {
  const flags = (process.env.BENCH_API_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  return startServer(path.join(HERE, 'api-server.ts'), [], { ...process.env, ...env }, flags);
}

export const ms = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '–');
export const x2 = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');
