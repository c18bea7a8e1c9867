/**
 * The processes of one bench/onsale run: the sandbox gateway, N API instances, optionally a worker
 * (outbox relay, recovery) and optionally the real nginx of ops/nginx in front of the APIs
 * (scripts/nginx.sh). Node is spawned directly (not through the tsx CLI) so each child's pid is the
 * process doing the work, and its CPU time can be read from /proc/<pid>/stat.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { ROOT, freePort, run, waitFor, httpOk } from '../test/processes.ts';

export interface StackOptions {
  via: 'direct' | 'nginx';
  instances: number;
  worker: boolean;
  env: Record<string, string>; // DATABASE_URL, REDIS_KEY_PREFIX, …
}

export interface Stack {
  /** Where buyers send API requests: nginx, or the first (only) API instance. */
  apiUrl: string;
  gatewayUrl: string;
  /** Where each API process serves /metrics. */
  metricsUrls: string[];
  /** CPU seconds (user + system) used so far by each API process, by nginx (all its processes), by the worker. */
  cpu: () => Promise<{ apis: number[]; nginx: number; worker: number }>;
  stop: () => Promise<void>;
}

/** Clock ticks per second for /proc/<pid>/stat; 100 on every Linux we run on (getconf CLK_TCK). */
const TICKS = 100;

/** utime + stime of one process in seconds; 0 once it is gone. */
export function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the ")" closing the command name start at field 3 (state): utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds used so far by PostgreSQL on this machine: every `postgres` process's own time plus the
 * time of its children that have exited (the postmaster's cutime + cstime), so a backend that ends
 * during a measurement still counts. Linux /proc; 0 where there is none.
 */
export function postgresCpuSeconds(): number {
  let ticks = 0;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone since the listing
    }
    if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  }
  return ticks / TICKS;
}

/** CPU seconds the whole machine has spent busy (all cores, not idle or waiting on I/O) since boot. */
export function machineBusySeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = ticks.map(Number);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return (total - n[3]! - n[4]!) / TICKS;
}

async function nginxCpu(dir: string): Promise<number> {
  const master = Number(readFileSync(`${dir}/nginx.pid`, 'utf8').trim());
  const { stdout } = await run('ps', ['--ppid', String(master), '-o', 'pid=']);
  const pids = [master, ...stdout.split('\n').filter(Boolean).map(Number)];
  return pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const children: ChildProcess[] = [];
  // BENCH_API_NODE_FLAGS adds Node flags to the API processes alone, e.g. `--cpu-prof
  // --cpu-prof-dir=/tmp/prof` for a profile of the run (as bench/rounds.ts does for bench:hot).
  const apiFlags = (process.env.BENCH_API_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = (cmd: string, env: Record<string, string>): ChildProcess => {
    const flags = cmd === 'api' ? apiFlags : [];
    const c = spawn(process.execPath, [...flags, '--import', 'tsx', 'src/main.ts', cmd], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...opts.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(c);
    return c;
  };
  const nginxDir = `/tmp/ct-nginx-onsale-${process.pid}`;
  const nginxEnv = { ...process.env, NGINX_DIR: nginxDir, NGINX_PORT: '', API_UPSTREAMS: '' };
  let nginxStarted = false;
  const stop = async () => {
    if (nginxStarted) await run('bash', ['scripts/nginx.sh', 'stop'], { cwd: ROOT, env: nginxEnv });
    // SIGTERM lets each drain; SIGKILL if one does not in time.
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            const timer = setTimeout(() => c.kill('SIGKILL'), 12_000);
            c.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            c.kill('SIGTERM');
          }),
      ),
    );
  };
  process.once('exit', () => children.forEach((c) => c.kill('SIGKILL')));

  try {
    const apiPorts = await Promise.all(Array.from({ length: opts.instances }, () => freePort()));
    const gatewayPort = await freePort();
    const nginxPort = await freePort();
    const apiUrl =
      opts.via === 'nginx' ? `http://127.0.0.1:${nginxPort}` : `http://127.0.0.1:${apiPorts[0]!}`;
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    child('gateway', {
      GATEWAY_PORT: String(gatewayPort),
      PAYMENT_WEBHOOK_URL: `${apiUrl}/api/v1/payments/webhook`,
    });
    // In production each API also serves /metrics on a port of its own (9465 by default).
    const metricsPorts = await Promise.all(apiPorts.map(() => freePort()));
    const apis = apiPorts.map((port, i) =>
      child('api', {
        PORT: String(port),
        METRICS_PORT: String(metricsPorts[i]),
        HOST: '127.0.0.1',
        TRUST_PROXY: '127.0.0.1',
        PAYMENT_GATEWAY_URL: gatewayUrl,
      }),
    );
    const worker = opts.worker
      ? child('worker', {
          WORKER_METRICS_PORT: String(await freePort()),
          PAYMENT_GATEWAY_URL: gatewayUrl,
        })
      : undefined;
    const ready = [gatewayUrl, ...apiPorts.map((p) => `http://127.0.0.1:${p}`)];
    for (const url of ready) await waitFor(url, () => httpOk(`${url}/health/live`), 60_000);
    if (opts.via === 'nginx') {
      nginxEnv.NGINX_PORT = String(nginxPort);
      nginxEnv.API_UPSTREAMS = apiPorts.map((p) => `127.0.0.1:${p}`).join(' ');
      await run('bash', ['scripts/nginx.sh', 'start'], { cwd: ROOT, env: nginxEnv });
      nginxStarted = true;
      await waitFor('nginx', () => httpOk(`${apiUrl}/health/live`));
    }
    return {
      apiUrl,
      gatewayUrl,
      metricsUrls: metricsPorts.map((port) => `http://127.0.0.1:${port}`),
      cpu: async () => ({
        apis: apis.map((c) => cpuSeconds(c.pid)),
        nginx: nginxStarted ? await nginxCpu(nginxDir) : 0,
        worker: cpuSeconds(worker?.pid),
      }),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
