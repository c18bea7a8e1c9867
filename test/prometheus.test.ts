import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setupTestApp, type TestApp, type TestEnv } from './context.ts';
import { ROOT, freePort, run, waitFor } from './processes.ts';
import { opsExpressions } from './ops-expressions.ts';
import { buildMetricsServer } from '../src/infra/metrics-server.ts';

/**
 * A real Prometheus (Debian package) scraping a running API's metrics port (as in production: not
 * the API port), with our alert rules loaded, read back through its HTTP API. Runs when
 * PROMETHEUS_TEST=1.
 */
const PROMETHEUS = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
const PROMTOOL = process.env.PROMTOOL_BIN ?? '/usr/bin/promtool';
const ALERTS = path.join(ROOT, 'ops/prometheus/alerts.yml');

interface QueryAnswer {
  status: string;
  data: { result: { metric: Record<string, string>; value: [number, string] }[] };
}

describe.skipIf(process.env.PROMETHEUS_TEST !== '1')('Prometheus scraping the API', () => {
  let t: TestApp & { env: TestEnv };
  let metricsServer: ReturnType<typeof buildMetricsServer> | undefined;
  let dir: string;
  let prometheus: ChildProcess | undefined;
  let promUrl = '';
  let output = '';

  beforeAll(async () => {
    t = await setupTestApp();
    metricsServer = buildMetricsServer(t.container.metrics);
    await metricsServer.listen({ port: 0, host: '127.0.0.1' });
    const address = metricsServer.server.address();
    const metricsPort = typeof address === 'object' && address ? address.port : 0;

    dir = await mkdtemp(path.join(tmpdir(), 'ct-prometheus-'));
    const config = [
      'global:',
      '  scrape_interval: 1s',
      '  evaluation_interval: 1s',
      'rule_files:',
      `  - ${ALERTS}`,
      'scrape_configs:',
      '  - job_name: api',
      '    static_configs:',
      `      - targets: ['127.0.0.1:${metricsPort}']`,
      '',
    ].join('\n');
    await writeFile(path.join(dir, 'prometheus.yml'), config);
    const port = await freePort();
    promUrl = `http://127.0.0.1:${port}`;
    prometheus = spawn(
      PROMETHEUS,
      [
        `--config.file=${path.join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${path.join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    prometheus.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    await waitFor('prometheus ready', async () => (await fetch(`${promUrl}/-/ready`)).ok).catch((err) => {
      throw new Error(`${(err as Error).message}\n${output}`);
    });
  }, 60_000);

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      const exited = new Promise((resolve) => prometheus?.once('exit', resolve));
      prometheus.kill('SIGTERM');
      await exited;
    }
    await metricsServer?.close();
    await t?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('the rule and scrape files pass promtool', async () => {
    await run(PROMTOOL, ['check', 'rules', ALERTS]);
    await run(PROMTOOL, ['check', 'config', path.join(ROOT, 'ops/prometheus/prometheus.yml')]);
  });

  it('reads the API request counter back through the Prometheus HTTP API', async () => {
    for (let i = 0; i < 7; i++) {
      expect((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    }
    const query = encodeURIComponent(
      'sum(http_request_duration_seconds_count{route="/health/live",status="200"})',
    );
    let value = 0;
    await waitFor(
      'the counter in Prometheus',
      async () => {
        const answer = (await (await fetch(`${promUrl}/api/v1/query?query=${query}`)).json()) as QueryAnswer;
        value = Number(answer.data.result[0]?.value[1] ?? 0);
        return value >= 7;
      },
      30_000,
    );
    expect(value).toBe(7);
    const up = (await (await fetch(`${promUrl}/api/v1/query?query=up`)).json()) as QueryAnswer;
    expect(up.data.result).toEqual([
      expect.objectContaining({
        metric: expect.objectContaining({ job: 'api' }),
        value: [expect.any(Number), '1'],
      }),
    ]);
  });

  it('loads every alert rule of ops/prometheus/alerts.yml', async () => {
    const answer = (await (await fetch(`${promUrl}/api/v1/rules`)).json()) as {
      data: { groups: { rules: { name: string; health: string }[] }[] };
    };
    const rules = answer.data.groups.flatMap((g) => g.rules);
    expect(rules.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'HighErrorRate',
        'HighP99Latency',
        'EventLoopLag',
        'OutboxBacklogOld',
        'DeadLetters',
      ]),
    );
  });

  it('evaluates every rule and dashboard query of ops/ without error', async () => {
    const failures: string[] = [];
    for (const { file, expr } of await opsExpressions()) {
      // Grafana fills in its interval variable; any range will do for a syntax and type check.
      const promql = expr.replaceAll('$__rate_interval', '1m');
      const res = await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(promql)}`);
      const body = (await res.json()) as { status: string; error?: string };
      if (body.status !== 'success') failures.push(`${file}: ${body.error} in ${promql}`);
    }
    expect(failures).toEqual([]);
  });
});
