import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from './context.ts';
import { freePort, startAppProcess, type AppProcess } from './processes.ts';
import { apiMetricsPort, buildMetricsServer } from '../src/infra/metrics-server.ts';

/** Every secret set to a real value, so NODE_ENV=production starts. */
const productionEnv = (): Record<string, string> => {
  const secret = () => randomBytes(24).toString('base64url');
  return {
    NODE_ENV: 'production',
    JWT_SECRET: secret(),
    PAYMENT_GATEWAY_SECRET: secret(),
    PAYMENT_WEBHOOK_SECRET: secret(),
    TICKET_SIGNING_SECRET: secret(),
    ADMIN_PASSWORD: `Adm1n-${secret()}`,
  };
};

const METRICS_PATHS = ['/metrics', '/metrics/', '/metrics?name[]=x'];

describe('production serves metrics on the metrics port, never on the public API port', () => {
  let env: TestEnv;
  let prod: TestApp;

  beforeAll(async () => {
    env = await createTestEnv();
    prod = await createTestApp(env, productionEnv());
  });
  afterAll(async () => {
    await prod?.close();
    await env?.drop();
  });

  it('answers 404 problem+json for every spelling of /metrics on the public app', async () => {
    for (const url of METRICS_PATHS) {
      const res = await prod.app.inject({ method: 'GET', url });
      expect({ url, status: res.statusCode, type: res.headers['content-type'] }).toEqual({
        url,
        status: 404,
        type: expect.stringContaining('application/problem+json'),
      });
    }
  });

  it('serves the same registry on the metrics server', async () => {
    await prod.app.inject({ method: 'GET', url: '/health/live' });
    const server = buildMetricsServer(prod.container.metrics);
    try {
      const res = await server.inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/health\/live"/);
    } finally {
      await server.close();
    }
  });

  it('defaults the API metrics port in production only', () => {
    expect(apiMetricsPort(prod.container.config)).toBe(9465);
    expect(apiMetricsPort(env.config())).toBeUndefined();
    expect(apiMetricsPort(env.config({ METRICS_PORT: '9999' }))).toBe(9999);
  });
});

describe('a production API process', () => {
  let env: TestEnv;
  let api: AppProcess | undefined;
  let apiPort = 0;
  let metricsPort = 0;

  beforeAll(async () => {
    env = await createTestEnv();
    apiPort = await freePort();
    metricsPort = await freePort();
    api = await startAppProcess(
      'api',
      {
        ...env.env,
        ...productionEnv(),
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: String(apiPort),
        METRICS_PORT: String(metricsPort),
      },
      `http://127.0.0.1:${metricsPort}/health/live`,
      80_000,
    );
  }, 90_000);
  afterAll(async () => {
    await api?.stop();
    await env?.drop();
  });

  it('exports its metrics on METRICS_PORT and answers 404 for them on PORT', async () => {
    const scraped = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('process="api"');
    for (const p of METRICS_PATHS) {
      const res = await fetch(`http://127.0.0.1:${apiPort}${p}`);
      expect({ p, status: res.status }).toEqual({ p, status: 404 });
      await res.arrayBuffer();
    }
  });
});
