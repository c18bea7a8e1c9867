import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './context.ts';
import { freePort, startAppProcess, type AppProcess } from './processes.ts';

/** A process loads the whole app through tsx: tens of seconds while other test files run beside it. */
const START_TIMEOUT_MS = 80_000;

/** SIGTERM drains HTTP, stops consumers and jobs, closes pools, and the process exits 0 within 10 s. */
describe('graceful shutdown', { timeout: START_TIMEOUT_MS + 20_000 }, () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(() => env.drop());

  async function stopTimed(p: AppProcess): Promise<{ ms: number; code: number | null }> {
    const started = Date.now();
    await p.stop();
    return { ms: Date.now() - started, code: p.child.exitCode };
  }

  it('an API process stops taking requests and exits cleanly', async () => {
    const port = await freePort();
    const api = await startAppProcess(
      'api',
      { ...env.env, PORT: String(port), LOG_LEVEL: 'info' },
      `http://127.0.0.1:${port}/health/live`,
      START_TIMEOUT_MS,
    );
    const { ms, code } = await stopTimed(api);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(api.output()).toContain('SIGTERM received: draining');
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
  });

  it('a worker process stops its consumers and jobs and exits cleanly', async () => {
    const metricsPort = await freePort();
    const worker = await startAppProcess(
      'worker',
      { ...env.env, WORKER_METRICS_PORT: String(metricsPort), LOG_LEVEL: 'info' },
      `http://127.0.0.1:${metricsPort}/health/live`,
      START_TIMEOUT_MS,
    );
    const { ms, code } = await stopTimed(worker);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(worker.output()).toContain('worker started');
  });
});
