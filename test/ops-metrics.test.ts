import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createContainer, type Container } from '../src/container.ts';
import { checkout, complete, pay, setupCheckout, type CheckoutHarness } from './checkout.ts';
import { createShowtimeWithSeats, createUsers } from './factories.ts';
import { metricNames, opsExpressions, type OpsExpression } from './ops-expressions.ts';

/** Series Prometheus makes itself for every target; no process exports them. */
const PROMETHEUS_SERIES = new Set(['up', 'scrape_duration_seconds', 'scrape_samples_scraped', 'ALERTS']);

/**
 * Metrics ops/ watches that count failures per queue (a redelivery, a retry, a dead letter): the
 * happy path below leaves them without a sample, and a process declares them (HELP and TYPE) from
 * start. Unlabelled failure counters (ticket_issuance_failures_total) carry a 0 sample anyway.
 */
const FAILURE_ONLY = ['broker_dead_lettered_total', 'broker_redelivered_total', 'broker_retried_total'];

/** Every series name a registry's text declares (TYPE lines), with the histogram and summary suffixes. */
function declaredNames(text: string): Set<string> {
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

/** Every series name that has at least one sample line: what a scrape actually carries. */
function sampledNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{[^}]*\})? \S+/.exec(line);
    if (m) names.add(m[1]!);
  }
  return names;
}

describe('ops/ queries name metrics the processes really export', () => {
  let h: CheckoutHarness;
  let worker: Container;
  let declared: Set<string>;
  let sampled: Set<string>;
  let expressions: OpsExpression[];
  let referenced: Set<string>;

  beforeAll(async () => {
    h = await setupCheckout();
    worker = await createContainer(h.env.config(h.overrides), 'worker');
    expressions = await opsExpressions();
    referenced = new Set(
      expressions.flatMap(({ expr }) => metricNames(expr)).filter((n) => !PROMETHEUS_SERIES.has(n)),
    );

    // Exercise both processes along the paths the dashboards watch: catalogue reads, a queue with
    // an admission tick, a coupon issue attempt, and one purchase whose confirmation the worker's
    // relay publishes.
    const { performanceId, showtimeId, seats } = await createShowtimeWithSeats(h.container, {
      rows: 1,
      seatsPerRow: 4,
    });
    const queued = await createShowtimeWithSeats(h.container, {
      queue: { enabled: true, admitPerSecond: 5, maxActive: 100 },
    });
    const [buyer, waiting] = await createUsers(h.container, 2);
    for (const url of ['/health/live', `/api/v1/performances/${performanceId}`, '/api/v1/performances']) {
      expect((await h.app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
    const entered = await h.app.inject({
      method: 'POST',
      url: `/api/v1/showtimes/${queued.showtimeId}/queue`,
      headers: waiting!.headers,
    });
    expect(entered.statusCode).toBeLessThan(300);
    // The worker exports the queue gauges for showtimes with a waiting line: scraped before the tick.
    const texts = [(await worker.metrics.render()).body];
    await worker.waitingRoom.ticker.tickOnce();
    const coupon = await h.app.inject({
      method: 'POST',
      url: '/api/v1/coupons/00000000-0000-4000-8000-000000000000/issue',
      headers: buyer!.headers,
    });
    expect(coupon.statusCode).toBe(404);
    const reservation = await checkout(h, buyer!, showtimeId, [seats[0]!.id]);
    await pay(h.gatewayUrl, reservation.payment.id);
    expect((await complete(h.app, buyer!, reservation.payment.id)).json().status).toBe('CONFIRMED');
    for (const job of worker.background) await job.start();
    try {
      await vi.waitFor(
        async () => {
          const text = (await worker.metrics.render()).body;
          if (!/^outbox_published_total\{[^}]*\} [1-9]/m.test(text)) throw new Error('not published yet');
        },
        { timeout: 15_000, interval: 100 },
      );
      // Scraped while the worker runs: its consumers' dead-letter depths exist only then.
      texts.push((await h.container.metrics.render()).body, (await worker.metrics.render()).body);
    } finally {
      for (const job of worker.background) await job.stop();
    }
    declared = new Set(texts.flatMap((text) => [...declaredNames(text)]));
    sampled = new Set(texts.flatMap((text) => [...sampledNames(text)]));
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await h?.close();
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

  it('every metric a rule or dashboard names has samples after the app was exercised, bar the failure counters', () => {
    expect(referenced.size).toBeGreaterThan(20);
    expect(sampled.size).toBeGreaterThan(referenced.size);
    const unsampled = [...referenced].filter((n) => !sampled.has(n)).sort();
    expect(unsampled).toEqual(FAILURE_ONLY);
    // Those are declared all the same: a scrape names them before the first failure.
    expect(FAILURE_ONLY.filter((n) => !declared.has(n))).toEqual([]);
    // And the paths exercised above show in the figures the dashboards plot.
    for (const name of [
      'http_request_duration_seconds_bucket',
      'cache_requests_total',
      'checkout_holds_total',
      'checkout_transitions_total',
      'waiting_room_waiting',
      'waiting_room_tick_duration_seconds_bucket',
      'coupon_issue_duration_seconds_bucket',
      'outbox_backlog',
    ]) {
      expect(referenced.has(name) && sampled.has(name), name).toBe(true);
    }
  });
});
