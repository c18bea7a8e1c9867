/**
 * GET /health/live on the real API (buildApp over a real container: helmet, CORS, request ids,
 * metrics hook, error handling) against a bare Fastify server returning the same body, measured one
 * after the other in the same run. Each server runs in its own child process so autocannon and the
 * server do not share an event loop. Prints req/s, p50, p99 and the ratio; writes bench/reports/health.{md,json}.
 *
 *   npm run bench:health      BENCH_ROUNDS=2 BENCH_DURATION=5 (seconds per round) BENCH_CONNECTIONS=100
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WARMUP = 2;
const NAMES = { bare: 'bare Fastify', api: 'Culture Ticket API' } as const;

async function serve(kind: 'api' | 'bare'): Promise<void> {
  let address: string;
  if (kind === 'bare') {
    const { default: Fastify } = await import('fastify');
    const app = Fastify({ logger: false });
    const body = { status: 'ok' };
    app.get('/health/live', async () => body);
    address = await app.listen({ port: 0, host: '127.0.0.1' });
  } else {
    const { loadConfig } = await import('../src/config.ts');
    const { createContainer } = await import('../src/container.ts');
    const { buildApp } = await import('../src/app.ts');
    // Request logs at info would measure the pipe to this parent, not the API.
    const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env, PORT: '0' });
    const container = await createContainer(config, 'api');
    const app = await buildApp(container);
    address = await app.listen({ port: 0, host: '127.0.0.1' });
  }
  process.stdout.write(`${JSON.stringify({ address })}\n`);
}

function start(kind: 'api' | 'bare'): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), `--serve=${kind}`],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: process.env,
    },
  );
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((l) => l.startsWith('{"address"'));
      if (line) resolve({ child, url: `${(JSON.parse(line) as { address: string }).address}/health/live` });
    });
    child.on('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
    setTimeout(() => reject(new Error(`${kind} server did not start`)), 30_000).unref();
  });
}

interface Figures {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}

async function measure(name: string, url: string): Promise<Figures> {
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  return {
    name,
    requestsPerSecond: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

/** The round with the most requests: the one least disturbed by other processes. */
function best(figures: Figures[]): Figures {
  return figures.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
}

async function main(): Promise<void> {
  // Both servers stay up (an idle one costs nothing) and are measured in alternating rounds, so a
  // burst of other work on this shared machine hits both sides rather than one.
  const servers = { bare: await start('bare'), api: await start('api') };
  const rounds: Record<'bare' | 'api', Figures[]> = { bare: [], api: [] };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? (['bare', 'api'] as const) : (['api', 'bare'] as const);
      for (const kind of order) rounds[kind].push(await measure(NAMES[kind], servers[kind].url));
    }
  } finally {
    for (const s of Object.values(servers)) {
      s.child.removeAllListeners('exit');
      s.child.kill('SIGTERM');
    }
  }
  const results = [best(rounds.bare), best(rounds.api)];
  const [bare, api] = results as [Figures, Figures];
  const ratio = api.requestsPerSecond / bare.requestsPerSecond;

  const when = new Date().toISOString();
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.total} | ${r.non2xx + r.errors} |`,
  );
  const md = [
    '# GET /health/live: API vs bare Fastify',
    '',
    `Run ${when} on ${cpus().length} CPU(s), Node ${process.version}; autocannon ${CONNECTIONS} connections,`,
    `${ROUNDS} alternating rounds of ${DURATION} s per server (after a ${WARMUP} s warm-up each), one server loaded at a time,`,
    'each in its own child process. Best round per server shown (the machine is shared).',
    '',
    '| server | req/s | p50 ms | p99 ms | requests | non-2xx + errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `**API / bare throughput: ${(ratio * 100).toFixed(1)} %**`,
    '',
    'The API path runs every platform plugin a real request meets (request id, helmet headers, CORS,',
    'metrics histogram, problem+json error handling); the bare server has none. The load generator and',
    'the server share the machine, so absolute numbers are lower than on separate hosts; the ratio is',
    'the figure to watch between runs.',
    '',
  ].join('\n');
  console.log(md);
  const out = path.join(HERE, 'reports');
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, 'health.md'), md);
  await writeFile(
    path.join(out, 'health.json'),
    JSON.stringify(
      { when, connections: CONNECTIONS, durationSeconds: DURATION, ratio, results, rounds },
      null,
      2,
    ),
  );
}

const serveArg = process.argv.find((a) => a.startsWith('--serve='));
if (serveArg) {
  await serve(serveArg.slice('--serve='.length) as 'api' | 'bare');
} else {
  await main();
  process.exit(0);
}
