import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContainer, type Container } from '../src/container.ts';
import { setupTestApp, type TestApp, type TestEnv } from './context.ts';
import { metricNames, opsExpressions, type OpsExpression } from './ops-expressions.ts';

/** Series Prometheus makes itself for every target; no process exports them. */
const PROMETHEUS_SERIES = new Set(['up', 'scrape_duration_seconds', 'scrape_samples_scraped', 'ALERTS']);

/**
 * Metrics a rule may name before the code exporting them lands. The test fails once they are
 * exported, so the list empties itself.
 */
const PENDING = new Set<string>();

/** Every series name a registry's text exposes, with the histogram and summary suffixes. */
function exportedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const m = /^# TYPE (\S+) (\S+)/.exec(line);
    if (!m) continue;
    const [, name, type] = m as unknown as [string, string, string];
    names.add(name);
    if (type === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(name + s);
    if (type === 'summary') for (const s of ['_sum', '_count']) names.add(name + s);
  }
  return names;
}

describe('ops/ queries name only metrics the processes export', () => {
  let t: TestApp & { env: TestEnv };
  let worker: Container;
  let exported: Set<string>;
  let expressions: OpsExpression[];

  beforeAll(async () => {
    t = await setupTestApp();
    worker = await createContainer(t.env.config(), 'worker');
    exported = new Set([
      ...exportedNames((await t.container.metrics.render()).body),
      ...exportedNames((await worker.metrics.render()).body),
    ]);
    expressions = await opsExpressions();
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('extracts metric names from PromQL', () => {
    expect(
      metricNames(
        'histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket{route!~".*/stream"}[$__rate_interval]))) > 0.5',
      ),
    ).toEqual(['http_request_duration_seconds_bucket']);
    expect(
      metricNames(
        'sum(rate(a_total{status=~"5.."}[5m] offset 1h)) / on (job) group_left(x) max(b) > bool 1e-9',
      ),
    ).toEqual(['a_total', 'b']);
  });

  it('finds the rules and the four dashboards', () => {
    const files = new Set(expressions.map((e) => e.file));
    expect([...files]).toEqual(
      expect.arrayContaining([
        'ops/prometheus/alerts.yml',
        'ops/grafana/dashboards/api.json',
        'ops/grafana/dashboards/infrastructure.json',
        'ops/grafana/dashboards/onsale-overview.json',
        'ops/grafana/dashboards/booking-pipeline.json',
      ]),
    );
  });

  it('every metric in a rule or dashboard is exported by the api or the worker', () => {
    const missing: string[] = [];
    const referenced = new Set<string>();
    for (const { file, expr } of expressions) {
      for (const name of metricNames(expr)) {
        referenced.add(name);
        if (exported.has(name) || PROMETHEUS_SERIES.has(name) || PENDING.has(name)) continue;
        missing.push(`${file}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
    expect(referenced.size).toBeGreaterThan(5);
  });

  it('the pending list holds only metrics that are still not exported', () => {
    expect([...PENDING].filter((name) => exported.has(name))).toEqual([]);
  });
});
