import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import path from 'node:path';

/** Helpers for the ops tests that run real processes (API, worker, nginx, Prometheus). */

export const ROOT = path.resolve(import.meta.dirname, '..');
export const run = promisify(execFile);

/** A port that was free a moment ago on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function httpOk(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  await res.arrayBuffer();
  return res.ok;
}

export interface AppProcess {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * `node --import tsx src/main.ts <command>` with the given environment, as the image runs it; resolves
 * once `readyUrl` answers 2xx. Not the tsx CLI: it SIGKILLs a child that has not acknowledged a relayed
 * SIGTERM within 30 ms, which a process starting beside other test files can miss (exit 143).
 */
export async function startAppProcess(
  command: 'api' | 'worker',
  env: Record<string, string>,
  readyUrl: string,
  startTimeoutMs = 30_000,
): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', command], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitFor(
      `${command} at ${readyUrl}`,
      async () => {
        if (child.exitCode !== null) throw new Error(`${command} exited: ${output}`);
        return httpOk(readyUrl);
      },
      startTimeoutMs,
    );
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n${output}`);
  }
  return { child, output: () => output, stop };
}

/** Sum of `http_request_duration_seconds_count` samples for one route in a /metrics text. */
export function requestCount(metricsText: string, route: string): number {
  let total = 0;
  for (const line of metricsText.split('\n')) {
    if (!line.startsWith('http_request_duration_seconds_count{')) continue;
    if (!line.includes(`route="${route}"`)) continue;
    total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}
