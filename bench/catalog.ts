/**
 * Catalogue read path, measured in one run on a bench database of 10,000 performances:
 *  1. cached GET /api/v1/performances/{id} on the real API against a bare Fastify server returning the
 *     same JSON object (same size), alternating rounds, 100 connections (target ≥ 0.6× and p99 < 10 ms),
 *     at saturation and at a steady rate below either server's capacity;
 *  2. search GET /api/v1/performances?q=… at 50 connections: varied queries that miss the short
 *     search cache (database path), and a hot set of popular queries (cache path).
 * Every server runs in its own child process so autocannon does not share its event loop.
 * Writes bench/reports/catalog.{md,json}.
 *
 *   npm run bench:catalog     BENCH_ROUNDS=5 BENCH_DURATION=8 BENCH_PERFORMANCES=10000 BENCH_FIXED_RATE=<req/s>
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { prepareBenchDatabase, SEARCH_TERMS } from './catalog-data.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/**
 * With two or more CPUs, autocannon (this process) runs on CPU 0 and every server on CPU 1, so the
 * scheduler does not move them onto one core mid-measurement; both servers get the same treatment.
 */
const PIN = cpus().length >= 2 && spawnSync('taskset', ['-V']).status === 0;
const PERFORMANCES = Number(process.env.BENCH_PERFORMANCES ?? 10_000);
/**
 * Latency under a steady load below either server's capacity (p99 at saturation is mostly queueing):
 * by default half of what the bare server reached at saturation in the same round, so the load
 * follows this machine's speed that minute; BENCH_FIXED_RATE sets it instead.
 */
const FIXED_RATE = process.env.BENCH_FIXED_RATE ? Number(process.env.BENCH_FIXED_RATE) : undefined;
const DB_NAME = 'ct_bench_catalog';
const DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${DB_NAME}`;
const SERVER_ENV = {
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URL,
  REDIS_KEY_PREFIX: 'bench:catalog:',
  AMQP_QUEUE_PREFIX: 'bench.catalog',
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_MINUTE: '1000000',
  // production refuses development secrets; the bench is not production.
  JWT_SECRET: 'bench-only-secret-0123456789abcdef0123456789',
  PAYMENT_GATEWAY_SECRET: 'bench-gateway',
  PAYMENT_WEBHOOK_SECRET: 'bench-gateway',
  TICKET_SIGNING_SECRET: 'bench-ticket-signing-secret',
  ADMIN_PASSWORD: 'Bench!Box-Office-2345',
};

async function serve(kind: string): Promise<void> {
  let address: string;
  if (kind === 'bare') {
    const { default: Fastify } = await import('fastify');
    const app = Fastify({ logger: false });
    const body = JSON.parse(process.env.BENCH_BODY ?? '{}') as unknown;
    app.get('/api/v1/performances/:id', async () => body);
    address = await app.listen({ port: 0, host: '127.0.0.1' });
  } else {
    const { loadConfig } = await import('../src/config.ts');
    const { createContainer } = await import('../src/container.ts');
    const { buildApp } = await import('../src/app.ts');
    const container = await createContainer(loadConfig({ ...process.env, PORT: '0' }), 'api');
    const app = await buildApp(container);
    address = await app.listen({ port: 0, host: '127.0.0.1' });
  }
  process.stdout.write(`${JSON.stringify({ address })}\n`);
}

function start(kind: 'api' | 'bare', env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string }> {
  const node = [process.execPath, '--import', 'tsx', fileURLToPath(import.meta.url), `--serve=${kind}`];
  const [command, ...args] = PIN ? ['taskset', '-c', '1', ...node] : node;
  const child = spawn(command!, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env,
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((l) => l.startsWith('{"address"'));
      if (line) resolve({ child, base: (JSON.parse(line) as { address: string }).address });
    });
    child.on('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
    setTimeout(() => reject(new Error(`${kind} server did not start`)), 60_000).unref();
  });
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

interface Figures {
  name: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}

async function measure(
  name: string,
  opts: {
    url: string;
    connections: number;
    headers?: Record<string, string>;
    paths?: () => string;
    rate?: number;
  },
): Promise<Figures> {
  const run = (duration: number) =>
    autocannon({
      url: opts.url,
      connections: opts.connections,
      overallRate: opts.rate,
      duration,
      headers: opts.headers,
      requests: opts.paths ? [{ setupRequest: (req) => ({ ...req, path: opts.paths!() }) }] : undefined,
    });
  await run(2); // warm-up: JIT, pools, caches
  const r = await run(DURATION);
  return {
    name,
    connections: opts.connections,
    requestsPerSecond: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

const row = (f: Figures): string =>
  `| ${f.name} | ${f.connections} | ${f.requestsPerSecond} | ${f.p50} | ${f.p99} | ${f.total} | ${f.non2xx} | ${f.errors} |`;

async function main(): Promise<void> {
  const serveArg = process.argv.find((a) => a.startsWith('--serve='));
  if (serveArg) return serve(serveArg.slice('--serve='.length));

  const loadBefore = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  if (PIN) spawnSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)]);
  console.log(`preparing ${DB_NAME} with ${PERFORMANCES} performances…`);
  const { performanceId } = await prepareBenchDatabase(DATABASE_URL, PERFORMANCES);

  const api = await start('api', SERVER_ENV);
  const detailUrl = `${api.base}/api/v1/performances/${performanceId}`;
  const sample = await fetch(detailUrl);
  const body = await sample.text();
  // A browser keeps its viewer cookie: repeat views are de-duplicated, as in real traffic.
  const cookie = (sample.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  await stop(api.child);

  const detail: Figures[] = [];
  const steady: Figures[] = [];
  const rates: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const bare = await start('bare', { ...process.env, BENCH_BODY: body });
    const bareUrl = `${bare.base}/api/v1/performances/${performanceId}`;
    const saturated = await measure(`bare Fastify, same JSON (round ${round})`, {
      url: bareUrl,
      connections: 100,
    });
    detail.push(saturated);
    const rate = FIXED_RATE ?? Math.round(saturated.requestsPerSecond / 2 / 100) * 100;
    rates.push(rate);
    steady.push(
      await measure(`bare Fastify at ${rate} req/s (round ${round})`, {
        url: bareUrl,
        connections: 100,
        rate,
      }),
    );
    await stop(bare.child);
    const real = await start('api', SERVER_ENV);
    const apiUrl = `${real.base}/api/v1/performances/${performanceId}`;
    detail.push(
      await measure(`API cached detail (round ${round})`, {
        url: apiUrl,
        connections: 100,
        headers: { cookie },
      }),
    );
    steady.push(
      await measure(`API cached detail at ${rate} req/s (round ${round})`, {
        url: apiUrl,
        connections: 100,
        headers: { cookie },
        rate,
      }),
    );
    await stop(real.child);
  }

  const real = await start('api', SERVER_ENV);
  let n = 0;
  // Distinct (q, size) pairs: each request misses the 3 s search cache, so this is the database path.
  const coldPath = () => {
    n++;
    const term = SEARCH_TERMS[n % SEARCH_TERMS.length]!;
    return `/api/v1/performances?q=${encodeURIComponent(term)}&size=${10 + (Math.floor(n / SEARCH_TERMS.length) % 90)}&sort=${n % 2 ? 'popular' : 'date'}`;
  };
  const hot = SEARCH_TERMS.slice(0, 10);
  const hotPath = () => `/api/v1/performances?q=${encodeURIComponent(hot[n++ % hot.length]!)}`;
  const search = [
    await measure('search, varied queries (database)', { url: real.base, connections: 50, paths: coldPath }),
    await measure('search, 10 popular queries (cached)', { url: real.base, connections: 50, paths: hotPath }),
  ];
  await stop(real.child);

  const avg = (prefix: string, key: 'requestsPerSecond' | 'p99') => {
    const xs = detail.filter((f) => f.name.startsWith(prefix)).map((f) => f[key]);
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  const best = (prefix: string) =>
    Math.max(...detail.filter((f) => f.name.startsWith(prefix)).map((f) => f.requestsPerSecond));
  const ratio = avg('API', 'requestsPerSecond') / avg('bare', 'requestsPerSecond');
  const bestRatio = best('API') / best('bare');
  // Each round measures the two servers back to back: a round's own ratio is the least exposed to
  // this machine's speed changing between rounds, and the median ignores one disturbed round.
  const roundRatios = detail
    .filter((f) => f.name.startsWith('API'))
    .map(
      (api, i) =>
        api.requestsPerSecond / detail.filter((f) => f.name.startsWith('bare'))[i]!.requestsPerSecond,
    );
  const sortedRatios = [...roundRatios].sort((a, b) => a - b);
  const medianRatio = sortedRatios[Math.floor(sortedRatios.length / 2)]!;
  const worstP99 = (rows: Figures[], prefix: string) =>
    Math.max(...rows.filter((f) => f.name.startsWith(prefix)).map((f) => f.p99));
  const apiP99 = worstP99(detail, 'API');
  const bareP99 = worstP99(detail, 'bare');
  const apiSteadyP99 = worstP99(steady, 'API');
  const bareSteadyP99 = worstP99(steady, 'bare');
  const verdict = [
    `- cached detail: **${medianRatio.toFixed(2)}×** the bare server's req/s, median of the rounds' own ratios (${roundRatios.map((r) => r.toFixed(2)).join(', ')}); ${ratio.toFixed(2)}× averaged over rounds, ${bestRatio.toFixed(2)}× best round against best round (target ≥ 0.6×) — ${medianRatio >= 0.6 ? 'met' : 'NOT met'}`,
    `- cached detail p99 at saturation: **${apiP99} ms** (target < 10 ms) — ${apiP99 < 10 ? 'met' : 'NOT met'}; the bare server's own p99 at saturation in this run: ${bareP99} ms (worst round of each)`,
    `- cached detail p99 at a steady ${rates.join(' / ')} req/s (${FIXED_RATE ? 'set' : "half the bare server's saturated rate"}, per round) over 100 connections: **${apiSteadyP99} ms** (bare server: ${bareSteadyP99} ms)`,
    `- search p99 at 50 connections over ${PERFORMANCES} performances: **${search[0]!.p99} ms** (database), ${search[1]!.p99} ms (cached)`,
  ];
  const md = [
    '# Catalogue read benchmark',
    '',
    `Run ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ` +
      `autocannon in the parent, each server in its own process${PIN ? ' (autocannon pinned to CPU 0, servers to CPU 1)' : ''}, ${DURATION} s per measurement after a 2 s warm-up. ` +
      `Response body ${Buffer.byteLength(body)} bytes. The API runs with NODE_ENV=production, LOG_LEVEL=warn. ` +
      `Load average before/after: ${loadBefore} / ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} ` +
      `(other work shares this machine; the ratio, measured in alternating rounds, is the figure to compare).`,
    '',
    '| scenario | connections | req/s | p50 ms | p99 ms | requests | non-2xx | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...detail.map(row),
    ...steady.map(row),
    ...search.map(row),
    '',
    ...verdict,
    '',
  ].join('\n');
  console.log(`\n${md}`);
  await mkdir(path.join(HERE, 'reports'), { recursive: true });
  await writeFile(path.join(HERE, 'reports', 'catalog.md'), md);
  await writeFile(
    path.join(HERE, 'reports', 'catalog.json'),
    JSON.stringify(
      {
        detail,
        steady,
        search,
        ratio,
        bestRatio,
        roundRatios,
        medianRatio,
        apiP99,
        bareP99,
        apiSteadyP99,
        bareSteadyP99,
      },
      null,
      2,
    ),
  );
}

main().then(
  () => {
    if (!process.argv.some((a) => a.startsWith('--serve='))) process.exit(0);
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
