import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createTestEnv, type TestEnv } from './context.ts';
import { ROOT, freePort, requestCount, run, startAppProcess, waitFor, type AppProcess } from './processes.ts';

/**
 * Two API processes and a worker behind a real nginx (Debian package) run by scripts/nginx.sh with
 * ops/nginx/nginx.conf. Runs when NGINX_TEST=1 (CI installs nginx through scripts/system-packages.sh).
 */
describe.skipIf(process.env.NGINX_TEST !== '1')('API instances behind nginx', () => {
  let env: TestEnv;
  const apis: AppProcess[] = [];
  let worker: AppProcess | undefined;
  const apiPorts: number[] = [];
  /** Each instance's metrics port (METRICS_PORT), as Prometheus scrapes it. */
  const apiMetricsPorts: number[] = [];
  let edge = '';
  let workerPort = 0;
  const nginxEnv: Record<string, string> = {};

  const nginx = (action: 'start' | 'stop') =>
    run('bash', ['scripts/nginx.sh', action], { cwd: ROOT, env: { ...process.env, ...nginxEnv } });
  const metricsOf = async (port: number) => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();

  beforeAll(async () => {
    env = await createTestEnv();
    const base = { ...env.env, HOST: '127.0.0.1', TRUST_PROXY: '127.0.0.1', LOG_LEVEL: 'warn' };
    workerPort = await freePort();
    for (let i = 0; i < 2; i++) {
      apiPorts.push(await freePort());
      apiMetricsPorts.push(await freePort());
    }
    const started = await Promise.all([
      ...apiPorts.map((port, i) =>
        startAppProcess(
          'api',
          { ...base, PORT: String(port), METRICS_PORT: String(apiMetricsPorts[i]) },
          // The metrics server starts after the API port listens: ready when it answers.
          `http://127.0.0.1:${apiMetricsPorts[i]}/health/live`,
          80_000,
        ),
      ),
      startAppProcess(
        'worker',
        { ...base, WORKER_METRICS_PORT: String(workerPort) },
        `http://127.0.0.1:${workerPort}/health/live`,
        80_000,
      ),
    ]);
    worker = started.pop();
    apis.push(...started);

    const nginxPort = await freePort();
    Object.assign(nginxEnv, {
      NGINX_PORT: String(nginxPort),
      NGINX_DIR: `/tmp/ct-nginx-test-${process.pid}`,
      API_UPSTREAMS: apiPorts.map((p) => `127.0.0.1:${p}`).join(' '),
    });
    await nginx('start');
    edge = `http://127.0.0.1:${nginxPort}`;
    // Each instance connects to RabbitMQ in the background; ready means every dependency answers.
    for (const port of apiPorts) {
      await waitFor(
        `api ${port} ready`,
        async () => (await fetch(`http://127.0.0.1:${port}/health/ready`)).ok,
      );
    }
  }, 90_000);

  afterAll(async () => {
    await nginx('stop').catch(() => undefined);
    await rm(nginxEnv.NGINX_DIR ?? '/nonexistent', { recursive: true, force: true });
    await Promise.all([...apis, ...(worker ? [worker] : [])].map((p) => p.stop()));
    await env?.drop();
  });

  it('answers /health/ready through nginx, spreading requests over both instances', async () => {
    const before = await Promise.all(
      apiMetricsPorts.map(async (p) => requestCount(await metricsOf(p), '/health/ready')),
    );
    // A few requests at once, so least_conn has open connections to compare.
    const rounds = 5;
    for (let i = 0; i < rounds; i++) {
      const answers = await Promise.all(
        Array.from({ length: 4 }, async () => {
          const res = await fetch(`${edge}/health/ready`);
          return { status: res.status, body: (await res.json()) as { status: string } };
        }),
      );
      for (const a of answers)
        expect(a).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok' }) });
    }
    const after = await Promise.all(
      apiMetricsPorts.map(async (p) => requestCount(await metricsOf(p), '/health/ready')),
    );
    const served = after.map((n, i) => n - (before[i] ?? 0));
    expect(served.reduce((a, b) => a + b, 0)).toBe(rounds * 4);
    expect(served.every((n) => n > 0)).toBe(true);
  });

  it('keeps the whole /metrics prefix off the public edge', async () => {
    // These instances run outside production, so they would answer /metrics themselves: the edge
    // must refuse every spelling before it reaches them.
    for (const p of ['/metrics', '/metrics/', '/metrics?x=1', '/metrics/?x', '/metrics/x', '//metrics']) {
      const res = await fetch(`${edge}${p}`);
      expect({ p, status: res.status, body: (await res.text()).includes('http_request') }).toEqual({
        p,
        status: 404,
        body: false,
      });
    }
  });

  it('passes the instance response headers back through the proxy', async () => {
    const res = await fetch(`${edge}/health/live`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('the worker runs beside them and exports its metrics', async () => {
    expect(worker?.child.exitCode).toBeNull();
    expect(await metricsOf(workerPort)).toContain('process="worker"');
  });

  it('keeps answering while one instance stops (rolling restart)', async () => {
    const [first] = apis;
    await first?.stop();
    const statuses = await Promise.all(
      Array.from({ length: 10 }, async () => (await fetch(`${edge}/health/ready`)).status),
    );
    expect(statuses).toEqual(Array.from({ length: 10 }, () => 200));
  });
});

/**
 * The SSE location must pass each event on as it comes. The upstream here is a small local server
 * that sends one event and then waits until the client has received it before sending the second:
 * through a buffering proxy the first event never arrives and the test times out.
 */
describe.skipIf(process.env.NGINX_TEST !== '1')('nginx SSE location', () => {
  const nginxEnv: Record<string, string> = {};
  let upstream: Server;
  let edge = '';
  let releaseSecond: () => void = () => undefined;
  const nginx = (action: 'start' | 'stop') =>
    run('bash', ['scripts/nginx.sh', action], { cwd: ROOT, env: { ...process.env, ...nginxEnv } });

  beforeAll(async () => {
    const second = new Promise<void>((resolve) => (releaseSecond = resolve));
    upstream = createHttpServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(`data: first ${req.headers['x-forwarded-for'] ?? ''}\n\n`);
      void second.then(() => res.end('data: second\n\n'));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const address = upstream.address();
    const upstreamPort = typeof address === 'object' && address ? address.port : 0;
    const nginxPort = await freePort();
    Object.assign(nginxEnv, {
      NGINX_PORT: String(nginxPort),
      NGINX_DIR: `/tmp/ct-nginx-sse-${process.pid}`,
      API_UPSTREAMS: `127.0.0.1:${upstreamPort}`,
    });
    await nginx('start');
    edge = `http://127.0.0.1:${nginxPort}`;
  });
  afterAll(async () => {
    releaseSecond();
    await nginx('stop').catch(() => undefined);
    await rm(nginxEnv.NGINX_DIR ?? '/nonexistent', { recursive: true, force: true });
    await new Promise((resolve) => upstream?.close(resolve));
  });

  it('streams each event through unbuffered, with X-Forwarded-For set', async () => {
    const res = await fetch(`${edge}/api/v1/showtimes/st-1/queue/stream`, {
      headers: { accept: 'text/event-stream', 'accept-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('\n\n')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    expect(text).toBe('data: first 127.0.0.1\n\n');
    releaseSecond();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    expect(text).toBe('data: first 127.0.0.1\n\ndata: second\n\n');
  });
});
