/**
 * GET /health/live on the real API (buildApp over a real container in production mode: security
 * headers, CORS, request ids, metrics hook, error handling) against a bare Fastify server returning
 * the same body. Each server runs in its own process, unpinned; both stay up and are measured in
 * paired rounds, alternating which goes first. The headline is the median of the rounds' own
 * API/bare ratios; any error (a status other than 200, a transport error) fails the run.
 * Writes bench/reports/health.{md,json}.
 *
 *   npm run bench:health      BENCH_ROUNDS=5 BENCH_DURATION=5 (seconds per side per round) BENCH_CONNECTIONS=100
 */
import {
  finish,
  load,
  machine,
  median,
  pairedRatio,
  pairedRounds,
  productionEnv,
  setting,
  startApi,
  startBare,
  verdict,
  writeReport,
  x2,
  type Sample,
} from './rounds.ts';

const DURATION = setting('BENCH_DURATION', 5, 1, 30);
const CONNECTIONS = setting('BENCH_CONNECTIONS', 100, 1, 1000);
const ROUNDS = setting('BENCH_ROUNDS', 5, 2, 15);
const SIDES = ['bare', 'api'] as const;
const NAMES = { bare: 'bare Fastify', api: 'Culture Ticket API' } as const;

async function main(): Promise<void> {
  const servers = {
    bare: await startBare({ method: 'GET', url: '/health/live', status: 200, body: { status: 'ok' } }),
    api: await startApi(productionEnv()),
  };
  let rounds: Record<(typeof SIDES)[number], Sample[]>;
  try {
    rounds = await pairedRounds(SIDES, ROUNDS, async (side) => {
      return load(
        { url: `${servers[side].base}/health/live`, connections: CONNECTIONS, duration: DURATION },
        (status) => status === 200,
      );
    });
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()));
  }
  const ratio = pairedRatio(
    rounds.api.map((s) => s.requestsPerSecond),
    rounds.bare.map((s) => s.requestsPerSecond),
  );
  const errors = [...rounds.api, ...rounds.bare].reduce((n, s) => n + s.errors, 0);
  const v = verdict(errors, []);
  const when = new Date().toISOString();
  const row = (side: (typeof SIDES)[number]) => {
    const xs = rounds[side];
    return `| ${NAMES[side]} | ${median(xs.map((s) => s.requestsPerSecond))} | ${median(xs.map((s) => s.p50))} | ${median(xs.map((s) => s.p99))} | ${xs.map((s) => s.requestsPerSecond).join(', ')} | ${xs.reduce((n, s) => n + s.errors, 0)} |`;
  };
  const md = [
    '# GET /health/live: API vs bare Fastify',
    '',
    `Run ${when} on ${machine()}. autocannon (this process) at ${CONNECTIONS} connections; each server in`,
    `its own process, unpinned (all processes free on both cores), the API with NODE_ENV=production.`,
    `${ROUNDS} paired rounds of ${DURATION} s per server after a 2 s warm-up each, the order alternating`,
    'every round. Figures are medians over the rounds; only 200 responses count as throughput.',
    '',
    `**API / bare throughput: ${x2(ratio.median)}** (median of the rounds' own ratios: ${ratio.perRound.map((r) => r.toFixed(2)).join(', ')})`,
    '',
    '| server | req/s (median) | p50 ms | p99 ms | req/s per round | errors |',
    '| --- | ---: | ---: | ---: | --- | ---: |',
    row('bare'),
    row('api'),
    '',
    'Verdict:',
    ...v.lines,
    '',
    'The API path runs every platform plugin a real request meets (request id, security headers, CORS,',
    'metrics histogram, problem+json error handling); the bare server has none. The load generator and',
    'the servers share the machine, so absolute numbers are lower than on separate hosts; the paired',
    'ratio is the figure to watch between runs.',
    '',
  ].join('\n');
  await writeReport('health', md, {
    when,
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    rounds: ROUNDS,
    ratio,
    samples: rounds,
    verdict: v,
  });
  finish(v);
}

await main();
