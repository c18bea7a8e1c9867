/**
 * Where reserve's and complete's time goes, from the API's own metrics: `checkout_step_seconds` per step
 * (src/modules/booking/checkout-steps.ts) and `http_request_duration_seconds` per route, scraped from
 * every API process before and after the rounds. Means, not percentiles: the means of the steps add up
 * to the route's, and the rest is what the request spends outside them.
 */
import type { CheckoutStep } from '../src/modules/booking/checkout-steps.ts';

const ROUTES = {
  reserve: { method: 'POST', route: '/api/v1/reservations' },
  complete: { method: 'POST', route: '/api/v1/payments/:paymentId/complete' },
} as const;
type Route = keyof typeof ROUTES;

/** The steps of each route, in the order a request takes them. */
const STEPS_OF: Record<Route, CheckoutStep[]> = {
  reserve: ['reserve_hold', 'reserve_catalogue', 'reserve_write', 'reserve_gateway', 'reserve_answer'],
  complete: ['complete_read', 'settle_gateway', 'settle_apply'],
};

interface Total {
  sum: number;
  count: number;
}
export interface StepTotals {
  steps: Map<string, Total>;
  routes: Map<Route, Total>;
}

function labelsOf(text: string): Map<string, string> {
  return new Map([...text.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

/** The running totals of every API process, added up. */
export async function scrapeSteps(metricsUrls: readonly string[]): Promise<StepTotals> {
  const totals: StepTotals = { steps: new Map(), routes: new Map() };
  const add = <K>(map: Map<K, Total>, key: K, kind: 'sum' | 'count', value: number) => {
    const entry = map.get(key) ?? { sum: 0, count: 0 };
    entry[kind] += value;
    map.set(key, entry);
  };
  for (const url of metricsUrls) {
    const res = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5_000) });
    const text = await res.text();
    for (const m of text.matchAll(
      /^(checkout_step_seconds|http_request_duration_seconds)_(sum|count)\{([^}]*)\} (\S+)$/gm,
    )) {
      const [, metric, kind, labelText, value] = m as unknown as [
        string,
        string,
        'sum' | 'count',
        string,
        string,
      ];
      const labels = labelsOf(labelText);
      if (metric === 'checkout_step_seconds') {
        add(totals.steps, labels.get('step')!, kind, Number(value));
        continue;
      }
      for (const [name, r] of Object.entries(ROUTES) as [Route, (typeof ROUTES)[Route]][]) {
        if (
          labels.get('method') === r.method &&
          labels.get('route') === r.route &&
          labels.get('status')?.startsWith('2')
        )
          add(totals.routes, name, kind, Number(value));
      }
    }
  }
  return totals;
}

function between<K>(before: Map<K, Total>, after: Map<K, Total>, key: K): Total {
  const a = after.get(key) ?? { sum: 0, count: 0 };
  const b = before.get(key) ?? { sum: 0, count: 0 };
  return { sum: a.sum - b.sum, count: a.count - b.count };
}

const meanMs = (t: Total) => (t.count > 0 ? ((t.sum / t.count) * 1000).toFixed(1) : '–');

/**
 * The report's table: per route, each step's mean, the route's mean in the API (its 2xx answers), the
 * rest (hooks, rate limit, access check, reply, and the waits for the event loop between them), and
 * the buyers' mean for the same call (the rest again: the network and the load generator).
 */
export function stepsTable(before: StepTotals, after: StepTotals, buyersMeanMs: Record<Route, number>) {
  const lines = ['| route: step | timed | mean ms |', '| --- | ---: | ---: |'];
  const json: Record<string, { count: number; meanMs: number | null }> = {};
  for (const route of Object.keys(ROUTES) as Route[]) {
    let stepsMs = 0;
    for (const step of STEPS_OF[route]) {
      const t = between(before.steps, after.steps, step);
      lines.push(`| ${route}: ${step} | ${t.count} | ${meanMs(t)} |`);
      json[step] = { count: t.count, meanMs: t.count > 0 ? (t.sum / t.count) * 1000 : null };
      if (t.count > 0) stepsMs += (t.sum / t.count) * 1000;
    }
    const r = between(before.routes, after.routes, route);
    const routeMs = r.count > 0 ? (r.sum / r.count) * 1000 : NaN;
    lines.push(`| ${route}: the steps together | | ${stepsMs.toFixed(1)} |`);
    lines.push(
      `| ${route}: the route in the API (2xx), rest outside the steps | ${r.count} | ${meanMs(r)} (rest ${(routeMs - stepsMs).toFixed(1)}) |`,
    );
    lines.push(
      `| ${route}: the buyers' call, rest outside the API | | ${buyersMeanMs[route].toFixed(1)} (rest ${(buyersMeanMs[route] - routeMs).toFixed(1)}) |`,
    );
    json[`${route}_route`] = { count: r.count, meanMs: Number.isNaN(routeMs) ? null : routeMs };
  }
  return { markdown: lines.join('\n'), json };
}
