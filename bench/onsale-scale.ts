/**
 * bench/onsale through the real nginx with 1 and then 2 API instances (plus the worker), in one run:
 * holds/s, purchases/s and p99 per step of each, the scaling ratio, and the API requests per
 * CPU-second read from /proc (the per-core figure docs/capacity.md sizes the fleet with).
 *
 *   npm run bench:onsale-scale      (BUYERS, CONCURRENCY, ATTEMPTS pass through to bench/onsale.ts)
 *
 * Each configuration is a separate `bench/onsale.ts --via nginx --instances N --worker` process with
 * its own database, so the second run does not inherit the first one's sold seats. Writes
 * bench/reports/onsale-scale.md and .json.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { ROOT, run } from '../test/processes.ts';

interface StepFigures {
  calls: number;
  p50: number;
  p99: number;
}
interface OnsaleResult {
  instances: number;
  loadavg: number[];
  counts: { holdAttempts: number; holds: number; purchases: number; errors: number };
  transportErrors: number;
  seconds: number;
  steps: Record<'hold' | 'reserve' | 'pay' | 'complete' | 'baseline', StepFigures>;
  apiRequests: number;
  apiCpu: number[];
  apiCpuTotal: number;
  perCore: number;
  nginxCpu: number;
  benchCpu: number;
  machineBusyCores: number;
  doubles: number;
  sold: number;
  confirmedSeats: number;
  paidOrphans: number;
}

async function onsale(instances: number): Promise<OnsaleResult> {
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  const args = ['bench/onsale.ts', '--via', 'nginx', '--instances', String(instances), '--worker'];
  const { stdout } = await run(tsx, args, { cwd: ROOT, env: process.env, maxBuffer: 1 << 24 });
  console.log(stdout);
  const file = path.join(ROOT, `bench/reports/onsale-nginx-${instances}.json`);
  return JSON.parse(await readFile(file, 'utf8')) as OnsaleResult;
}

const f0 = (n: number) => n.toFixed(0);
const f2 = (n: number) => n.toFixed(2);

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const one = await onsale(1);
  const two = await onsale(2);
  const rate = (r: OnsaleResult, n: number) => n / r.seconds;
  const ratio = {
    holdAttempts: rate(two, two.counts.holdAttempts) / rate(one, one.counts.holdAttempts),
    apiRequests: rate(two, two.apiRequests) / rate(one, one.apiRequests),
  };
  const la = (l: number[]) => l.map((n) => n.toFixed(1)).join(' ');
  const col = (pick: (r: OnsaleResult) => string) => `${pick(one)} | ${pick(two)}`;
  const step = (s: keyof OnsaleResult['steps']) =>
    `| p50 / p99 ${s} (ms) | ${col((r) => `${f0(r.steps[s].p50)} / ${f0(r.steps[s].p99)}`)} |`;
  const md = [
    `# bench/onsale through nginx: 1 vs 2 API instances`,
    '',
    `Run ${new Date().toISOString()} on ${cpus().length} cores shared with other engineers' tests.`,
    `Load average before ${la(loadBefore)}; at the end of the 1-instance run ${la(one.loadavg)}; ` +
      `of the 2-instance run ${la(two.loadavg)}.`,
    'nginx, the APIs, the worker, the sandbox gateway, PostgreSQL, Redis and the load generator all',
    'share these 2 cores, so the scaling ratio is bounded by 2 cores (and in practice well below 2).',
    '',
    '| figure | 1 instance | 2 instances |',
    '| --- | ---: | ---: |',
    `| hold attempts/s | ${col((r) => f0(rate(r, r.counts.holdAttempts)))} |`,
    `| successful holds/s | ${col((r) => f0(rate(r, r.counts.holds)))} |`,
    `| purchases/s | ${col((r) => f0(rate(r, r.counts.purchases)))} |`,
    `| API requests/s (hold, reserve, complete, webhook) | ${col((r) => f0(rate(r, r.apiRequests)))} |`,
    step('hold'),
    step('reserve'),
    step('pay'),
    step('complete'),
    `| baseline GET /health/live p99 (ms) | ${col((r) => f0(r.steps.baseline.p99))} |`,
    `| API CPU seconds per process | ${col((r) => r.apiCpu.map((c) => c.toFixed(1)).join(' + '))} |`,
    `| **API requests per CPU-second** | ${col((r) => f0(r.perCore))} |`,
    `| nginx CPU seconds per 1,000 requests | ${col((r) => f2((r.nginxCpu / r.apiRequests) * 1000))} |`,
    `| API cores used (CPU seconds ÷ wall time) | ${col((r) => f2(r.apiCpuTotal / r.seconds))} |`,
    `| load generator cores used | ${col((r) => f2(r.benchCpu / r.seconds))} |`,
    `| machine cores busy, all processes (of ${cpus().length}) | ${col((r) => f2(r.machineBusyCores))} |`,
    `| errors / transport errors | ${col((r) => `${r.counts.errors} / ${r.transportErrors}`)} |`,
    `| seats in two live reservations (must be 0) | ${col((r) => `**${r.doubles}**`)} |`,
    `| seats SOLD = seats of CONFIRMED reservations | ${col((r) => `${r.sold} = ${r.confirmedSeats}`)} |`,
    `| PAID payments without CONFIRMED reservation | ${col((r) => String(r.paidOrphans))} |`,
    '',
    `Scaling ratio (2 instances / 1): hold attempts/s **${f2(ratio.holdAttempts)}**, ` +
      `API requests/s **${f2(ratio.apiRequests)}**.`,
    '',
  ].join('\n');
  console.log(md);
  await writeFile(path.join(ROOT, 'bench/reports/onsale-scale.md'), md);
  await writeFile(
    path.join(ROOT, 'bench/reports/onsale-scale.json'),
    JSON.stringify({ loadBefore, one, two, ratio }, null, 2) + '\n',
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
