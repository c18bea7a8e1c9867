/**
 * Throughput through nginx with 1 and then 2 API instances: the scaling ratio of the stateless API
 * tier on this machine, plus one instance measured without nginx (what the proxy hop costs).
 * Needs nginx (scripts/system-packages.sh) and the local services.
 *
 *   npx tsx bench/nginx-scale.ts [path] [seconds] [connections]
 *   e.g. npx tsx bench/nginx-scale.ts /health/live 10 64
 *
 * Writes bench/reports/nginx-scale.json and .md. Every run measures all configurations, so the
 * ratio compares numbers taken a minute apart on the same machine; the load average is recorded
 * because other processes on a 2-core machine move these numbers a lot.
 */
import autocannon from 'autocannon';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { ROOT, freePort, run, startAppProcess, type AppProcess } from '../test/processes.ts';

const target = process.argv[2] ?? '/health/live';
const seconds = Number(process.argv[3] ?? 10);
const connections = Number(process.argv[4] ?? 64);
const database = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/culture_ticket_bench';

interface Result {
  via: 'direct' | 'nginx';
  instances: number;
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

async function load(via: Result['via'], instances: number, url: string): Promise<Result> {
  await autocannon({ url, connections, duration: 2 }); // warm-up: JIT, keep-alive pools
  const r = await autocannon({ url, connections, duration: seconds });
  return {
    via,
    instances,
    requestsPerSecond: Math.round(r.requests.average),
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

async function measure(instances: number): Promise<Result[]> {
  const env = { DATABASE_URL: database, HOST: '127.0.0.1', LOG_LEVEL: 'warn', TRUST_PROXY: '127.0.0.1' };
  const apis: AppProcess[] = [];
  const ports: number[] = [];
  const nginxEnv = {
    ...process.env,
    NGINX_PORT: String(await freePort()),
    NGINX_DIR: `/tmp/ct-nginx-bench-${process.pid}`,
    API_UPSTREAMS: '',
  };
  try {
    for (let i = 0; i < instances; i++) {
      const port = await freePort();
      ports.push(port);
      apis.push(
        await startAppProcess('api', { ...env, PORT: String(port) }, `http://127.0.0.1:${port}/health/live`),
      );
    }
    nginxEnv.API_UPSTREAMS = ports.map((p) => `127.0.0.1:${p}`).join(' ');
    await run('bash', ['scripts/nginx.sh', 'start'], { cwd: ROOT, env: nginxEnv });
    const results: Result[] = [];
    if (instances === 1) results.push(await load('direct', 1, `http://127.0.0.1:${ports[0]}${target}`));
    results.push(await load('nginx', instances, `http://127.0.0.1:${nginxEnv.NGINX_PORT}${target}`));
    return results;
  } finally {
    await run('bash', ['scripts/nginx.sh', 'stop'], { cwd: ROOT, env: nginxEnv }).catch(() => undefined);
    await Promise.all(apis.map((a) => a.stop()));
  }
}

async function main(): Promise<void> {
  await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/main.ts', 'migrate'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database, LOG_LEVEL: 'warn' },
  });
  const loadBefore = loadavg();
  const results = [...(await measure(1)), ...(await measure(2))];
  const one = results.find((r) => r.via === 'nginx' && r.instances === 1);
  const two = results.find((r) => r.via === 'nginx' && r.instances === 2);
  const ratio = one && two ? Math.round((two.requestsPerSecond / one.requestsPerSecond) * 100) / 100 : NaN;
  const report = {
    target,
    seconds,
    connections,
    cores: cpus().length,
    loadBefore,
    loadAfter: loadavg(),
    results,
    ratio,
  };
  console.table(results);
  console.log(`scaling ratio through nginx, 2 instances / 1 instance: ${ratio}`);

  const dir = path.join(ROOT, 'bench/reports');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'nginx-scale.json'), JSON.stringify(report, null, 2) + '\n');
  const la = (l: number[]) => l.map((n) => n.toFixed(1)).join(' ');
  await writeFile(
    path.join(dir, 'nginx-scale.md'),
    [
      `# nginx scaling: ${target}, ${connections} connections, ${seconds} s, ${report.cores} cores`,
      '',
      `Load average before ${la(loadBefore)}, after ${la(report.loadAfter)}.`,
      '',
      '| via | API instances | req/s | p99 ms | non-2xx | errors |',
      '| --- | --- | --- | --- | --- | --- |',
      ...results.map(
        (r) =>
          `| ${r.via} | ${r.instances} | ${r.requestsPerSecond} | ${r.p99Ms} | ${r.non2xx} | ${r.errors} |`,
      ),
      '',
      `Scaling ratio through nginx (2 instances / 1): ${ratio}`,
      '',
    ].join('\n'),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
