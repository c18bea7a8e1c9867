/**
 * Throughput through nginx with 1 and with 2 API instances: the scaling ratio of the stateless API
 * tier on this machine, plus one instance without nginx (what the proxy hop costs) and a bare
 * Fastify in its own process (the floor). Everything stays up: two APIs in production mode, unpinned,
 * one nginx in front of the first, another in front of both; each round measures all four in turn,
 * the order reversed every other round, and the headline ratios are the medians of the rounds' own
 * ratios. Only 200 responses count; any other status or transport error fails the run (exit 1).
 * Needs nginx (scripts/system-packages.sh) and the local services.
 *
 *   npx tsx bench/nginx-scale.ts [path] [seconds] [connections]     BENCH_ROUNDS=4
 *   e.g. npx tsx bench/nginx-scale.ts /health/live 5 64
 *
 * Writes bench/reports/nginx-scale.json and .md.
 */
import { ROOT, freePort, run, startAppProcess, type AppProcess } from '../test/processes.ts';
import {
  finish,
  load,
  machine,
  median,
  pairedRatio,
  pairedRounds,
  productionEnv,
  setting,
  startBare,
  verdict,
  writeReport,
  x2,
  type Sample,
  type Server,
} from './rounds.ts';

const target = process.argv[2] ?? '/health/live';
const seconds = Number(process.argv[3] ?? 5);
const connections = Number(process.argv[4] ?? 64);
if (!(seconds >= 1 && seconds <= 30)) throw new Error('seconds must be from 1 to 30');
if (!(connections >= 1 && connections <= 1000)) throw new Error('connections must be from 1 to 1000');
const ROUNDS = setting('BENCH_ROUNDS', 4, 2, 15);
const database = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/culture_ticket_bench';
const SIDES = ['bare', 'direct', 'nginx-1', 'nginx-2'] as const;
type Side = (typeof SIDES)[number];
const NAMES: Record<Side, string> = {
  bare: 'bare Fastify (own process)',
  direct: '1 API instance, no proxy',
  'nginx-1': 'nginx → 1 API instance',
  'nginx-2': 'nginx → 2 API instances',
};

async function main(): Promise<void> {
  const env = { ...process.env, ...productionEnv(), DATABASE_URL: database } as Record<string, string>;
  await run(`${ROOT}/node_modules/.bin/tsx`, ['src/main.ts', 'migrate'], { cwd: ROOT, env });
  const apis: AppProcess[] = [];
  const nginxes: Record<string, string>[] = [];
  let bare: Server | undefined;
  const urls = {} as Record<Side, string>;
  let rounds: Record<Side, Sample[]>;
  try {
    const ports: number[] = [];
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      ports.push(port);
      apis.push(
        await startAppProcess(
          'api',
          {
            ...env,
            HOST: '127.0.0.1',
            PORT: String(port),
            METRICS_PORT: String(await freePort()),
            TRUST_PROXY: '127.0.0.1',
          },
          `http://127.0.0.1:${port}/health/live`,
          60_000,
        ),
      );
    }
    for (const [i, upstreams] of [ports.slice(0, 1), ports].entries()) {
      const nginxEnv = {
        ...process.env,
        NGINX_PORT: String(await freePort()),
        NGINX_DIR: `/tmp/ct-nginx-bench-${process.pid}-${i + 1}`,
        API_UPSTREAMS: upstreams.map((p) => `127.0.0.1:${p}`).join(' '),
      } as Record<string, string>;
      await run('bash', ['scripts/nginx.sh', 'start'], { cwd: ROOT, env: nginxEnv });
      nginxes.push(nginxEnv);
    }
    bare = await startBare({ method: 'GET', url: target, status: 200, body: { status: 'ok' } });
    urls.bare = `${bare.base}${target}`;
    urls.direct = `http://127.0.0.1:${ports[0]}${target}`;
    urls['nginx-1'] = `http://127.0.0.1:${nginxes[0]!.NGINX_PORT}${target}`;
    urls['nginx-2'] = `http://127.0.0.1:${nginxes[1]!.NGINX_PORT}${target}`;
    rounds = await pairedRounds(SIDES, ROUNDS, (side) =>
      load({ url: urls[side], connections, duration: seconds }, (status) => status === 200),
    );
  } finally {
    for (const nginxEnv of nginxes) {
      await run('bash', ['scripts/nginx.sh', 'stop'], { cwd: ROOT, env: nginxEnv }).catch(() => undefined);
    }
    await Promise.all([...apis.map((a) => a.stop()), bare?.stop()]);
  }

  const rps = (side: Side) => rounds[side].map((s) => s.requestsPerSecond);
  const scaling = pairedRatio(rps('nginx-2'), rps('nginx-1'));
  const proxy = pairedRatio(rps('nginx-1'), rps('direct'));
  const overBare = pairedRatio(rps('direct'), rps('bare'));
  const errors = SIDES.flatMap((s) => rounds[s]).reduce((n, s) => n + s.errors, 0);
  const v = verdict(errors, []);
  const when = new Date().toISOString();
  const md = [
    `# nginx scaling: ${target}, ${connections} connections`,
    '',
    `Run ${when} on ${machine()}. The APIs run with NODE_ENV=production, unpinned (all processes free on`,
    `both cores, shared with nginx, PostgreSQL, Redis and the load generator). ${ROUNDS} rounds of ${seconds} s per`,
    'configuration after a 2 s warm-up, all four configurations in every round, the order reversed every',
    'other round. Figures are medians; ratios are medians of the rounds’ own ratios; only 200s count.',
    '',
    `**Scaling through nginx, 2 instances / 1: ${x2(scaling.median)}** (per round: ${scaling.perRound.map((r) => r.toFixed(2)).join(', ')});`,
    `nginx → 1 instance / no proxy: ${x2(proxy.median)}; 1 instance / bare Fastify: ${x2(overBare.median)}.`,
    '',
    '| configuration | req/s (median) | p99 ms (median) | req/s per round | errors |',
    '| --- | ---: | ---: | --- | ---: |',
    ...SIDES.map(
      (s) =>
        `| ${NAMES[s]} | ${Math.round(median(rps(s)))} | ${median(rounds[s].map((x) => x.p99))} | ${rps(s).join(', ')} | ${rounds[s].reduce((n, x) => n + x.errors, 0)} |`,
    ),
    '',
    'On 2 cores the second instance competes with the first, nginx and the load generator for the same',
    'cores, so the scaling ratio is bounded well below 2 here; the speed-up on more cores needs a run on',
    'more cores.',
    '',
    'Verdict:',
    ...v.lines,
    '',
  ].join('\n');
  await writeReport('nginx-scale', md, {
    when,
    target,
    seconds,
    connections,
    rounds: ROUNDS,
    scaling,
    proxy,
    overBare,
    samples: rounds,
    verdict: v,
  });
  finish(v);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
