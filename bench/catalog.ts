/**
 * Catalogue read path on a bench database of 10,000 performances:
 *  1. cached GET /api/v1/performances/{id} on the real API against a bare Fastify server returning the
 *     same JSON (same size), in paired rounds alternating which goes first, 100 connections: at
 *     saturation (target: median of the rounds' own ratios ≥ 0.6×) and at a steady rate below
 *     either server's capacity (target: p99 within 1.5× the bare server's p99 at the same rate, median
 *     of the rounds' own ratios). Latency is judged at the steady rate because p99 at saturation is
 *     the length of the queue both servers build, and on two shared cores the load generator's own
 *     scheduling shows in any absolute figure; the bare server in the same round carries that noise too;
 *  2. search GET /api/v1/performances?q=… at 50 connections: varied queries that miss the short
 *     search cache (database path), and a hot set of popular queries (cache path).
 * Every server runs in its own process, unpinned, the API in production mode; only 200 responses
 * count as throughput and any other status or transport error fails the run.
 * Writes bench/reports/catalog.{md,json}.
 *
 *   npm run bench:catalog     BENCH_ROUNDS=5 BENCH_DURATION=5 BENCH_PERFORMANCES=10000 BENCH_FIXED_RATE=<req/s>
 */
import { prepareBenchDatabase, SEARCH_TERMS } from './catalog-data.ts';
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
const ROUNDS = setting('BENCH_ROUNDS', 5, 2, 15);
const PERFORMANCES = setting('BENCH_PERFORMANCES', 10_000, 100, 100_000);
const FIXED_RATE = process.env.BENCH_FIXED_RATE ? setting('BENCH_FIXED_RATE', 0, 100, 100_000) : undefined;
const TARGET_RATIO = 0.6;
const TARGET_P99_RATIO = 1.5;
const DB_NAME = 'ct_bench_catalog';
const DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${DB_NAME}`;
const API_ENV = {
  ...productionEnv(),
  DATABASE_URL,
  REDIS_KEY_PREFIX: 'bench:catalog:',
  AMQP_QUEUE_PREFIX: 'bench.catalog',
  RATE_LIMIT_PER_MINUTE: '1000000',
};
const only200 = (status: number) => status === 200;

interface Side {
  saturated: Sample;
  steady: Sample;
}

async function main(): Promise<void> {
  console.log(`preparing ${DB_NAME} with ${PERFORMANCES} performances…`);
  const { performanceId } = await prepareBenchDatabase(DATABASE_URL, PERFORMANCES);
  const api = await startApi(API_ENV);
  const detailPath = `/api/v1/performances/${performanceId}`;
  const first = await fetch(`${api.base}${detailPath}`);
  const body = await first.text();
  if (first.status !== 200) throw new Error(`the detail answered ${first.status}: ${body}`);
  // A browser keeps its viewer cookie: repeat views are de-duplicated, as in real traffic.
  const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const bare = await startBare({
    method: 'GET',
    url: '/api/v1/performances/:id',
    status: 200,
    body: JSON.parse(body) as unknown,
  });
  const servers = { bare, api };

  let rounds: Record<'bare' | 'api', Side[]>;
  let rate: number;
  let search: { cold: Sample; hot: Sample };
  try {
    // The steady rate: half of what the bare server reaches here now, unless set.
    const calibration = await load(
      { url: `${bare.base}${detailPath}`, connections: 100, duration: 3 },
      only200,
    );
    rate = FIXED_RATE ?? Math.max(100, Math.round(calibration.requestsPerSecond / 2 / 100) * 100);
    rounds = await pairedRounds(['bare', 'api'] as const, ROUNDS, async (side) => {
      const opts = {
        url: `${servers[side].base}${detailPath}`,
        connections: 100,
        duration: DURATION,
        headers: side === 'api' ? { cookie } : undefined,
      };
      return {
        saturated: await load(opts, only200),
        steady: await load({ ...opts, overallRate: rate }, only200, 0),
      };
    });

    let n = 0;
    // Distinct (q, size) pairs: each request misses the 3 s search cache, so this is the database path.
    const coldPath = () => {
      n++;
      const term = SEARCH_TERMS[n % SEARCH_TERMS.length]!;
      return `/api/v1/performances?q=${encodeURIComponent(term)}&size=${10 + (Math.floor(n / SEARCH_TERMS.length) % 90)}&sort=${n % 2 ? 'popular' : 'date'}`;
    };
    const hot = SEARCH_TERMS.slice(0, 10);
    const hotPath = () => `/api/v1/performances?q=${encodeURIComponent(hot[n++ % hot.length]!)}`;
    const searchLoad = (paths: () => string) =>
      load(
        {
          url: api.base,
          connections: 50,
          duration: DURATION,
          requests: [{ setupRequest: (req) => ({ ...req, path: paths() }) }],
        },
        only200,
      );
    search = { cold: await searchLoad(coldPath), hot: await searchLoad(hotPath) };
  } finally {
    await Promise.all([bare.stop(), api.stop()]);
  }

  const sat = (side: 'bare' | 'api') => rounds[side].map((r) => r.saturated);
  const steady = (side: 'bare' | 'api') => rounds[side].map((r) => r.steady);
  const ratio = pairedRatio(
    sat('api').map((s) => s.requestsPerSecond),
    sat('bare').map((s) => s.requestsPerSecond),
  );
  const p99 = (xs: Sample[]) => median(xs.map((s) => s.p99));
  const apiP99 = p99(sat('api'));
  const steadyP99 = pairedRatio(
    steady('api').map((s) => s.p99),
    steady('bare').map((s) => s.p99),
  );
  const all = [...sat('api'), ...sat('bare'), ...steady('api'), ...steady('bare'), search.cold, search.hot];
  const errors = all.reduce((n, s) => n + s.errors, 0);
  const v = verdict(errors, [
    {
      name: `cached detail ${x2(ratio.median)} the bare server's req/s (target ≥ ${TARGET_RATIO}×)`,
      pass: ratio.median >= TARGET_RATIO,
    },
    {
      name: `cached detail p99 at a steady rate ${x2(steadyP99.median)} the bare server's (${p99(steady('api'))} vs ${p99(steady('bare'))} ms; target ≤ ${TARGET_P99_RATIO}×)`,
      pass: steadyP99.median <= TARGET_P99_RATIO,
    },
  ]);
  const row = (name: string, xs: Sample[]) =>
    `| ${name} | ${Math.round(median(xs.map((s) => s.requestsPerSecond)))} | ${median(xs.map((s) => s.p50))} | ${p99(xs)} | ${xs.map((s) => s.requestsPerSecond).join(', ')} | ${xs.reduce((n, s) => n + s.errors, 0)} |`;
  const when = new Date().toISOString();
  const md = [
    '# Catalogue read benchmark',
    '',
    `Run ${when} on ${machine()}. autocannon in this process, each server in its own process, unpinned`,
    `(all processes free on both cores); the API with NODE_ENV=production. ${ROUNDS} paired rounds, the order`,
    `alternating every round, ${DURATION} s per measurement after a 2 s warm-up. Response body ${Buffer.byteLength(body)} bytes.`,
    'Figures are medians over the rounds; only 200 responses count as throughput.',
    '',
    `**Cached detail: ${x2(ratio.median)} the bare server's req/s** (median of the rounds' own ratios: ${ratio.perRound.map((r) => r.toFixed(2)).join(', ')}); **p99 ${apiP99} ms** at saturation.`,
    '',
    '| scenario | req/s (median) | p50 ms | p99 ms | req/s per round | errors |',
    '| --- | ---: | ---: | ---: | --- | ---: |',
    row('bare Fastify, same JSON, 100 connections', sat('bare')),
    row('API cached detail, 100 connections', sat('api')),
    row(`bare Fastify at a steady ${rate} req/s`, steady('bare')),
    row(`API cached detail at a steady ${rate} req/s`, steady('api')),
    row('search, varied queries (database), 50 connections', [search.cold]),
    row('search, 10 popular queries (cached), 50 connections', [search.hot]),
    '',
    `The steady rate is ${FIXED_RATE ? 'set by BENCH_FIXED_RATE' : "half the bare server's saturated rate in a 3 s calibration"}: latency below either server's capacity (p99 at saturation is mostly queueing).`,
    '',
    'Verdict:',
    ...v.lines,
    '',
  ].join('\n');
  await writeReport('catalog', md, {
    when,
    rounds: ROUNDS,
    durationSeconds: DURATION,
    rate,
    ratio,
    apiP99,
    samples: rounds,
    search,
    verdict: v,
  });
  finish(v);
}

await main();
