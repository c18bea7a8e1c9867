/** Reads one prom-client histogram out of the Prometheus text format and estimates quantiles. */

/** outcome → (le → cumulative count), plus sum and count per outcome. */
export type Buckets = Map<string, { le: Map<number, number>; sum: number; count: number }>;

export function parseHistogram(text: string, name: string): Buckets {
  const out: Buckets = new Map();
  const entry = (outcome: string) => {
    let e = out.get(outcome);
    if (!e) out.set(outcome, (e = { le: new Map(), sum: 0, count: 0 }));
    return e;
  };
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^(\w+)\{([^}]*)\} ([\d.e+-]+|\+Inf|NaN)$/.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries([...m[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    const e = entry(labels.outcome ?? '');
    const value = Number(m[3]);
    if (m[1] === `${name}_bucket`) e.le.set(labels.le === '+Inf' ? Infinity : Number(labels.le), value);
    if (m[1] === `${name}_sum`) e.sum = value;
    if (m[1] === `${name}_count`) e.count = value;
  }
  return out;
}

/** after − before, so one phase's observations can be read from cumulative counters. */
export function subtract(after: Buckets, before: Buckets): Buckets {
  const out: Buckets = new Map();
  for (const [outcome, a] of after) {
    const b = before.get(outcome);
    const le = new Map([...a.le].map(([k, v]) => [k, v - (b?.le.get(k) ?? 0)]));
    out.set(outcome, { le, sum: a.sum - (b?.sum ?? 0), count: a.count - (b?.count ?? 0) });
  }
  return out;
}

/** Linear interpolation inside the bucket that holds the quantile, as Prometheus does. */
export function histogramQuantiles(buckets: Buckets, outcome: string) {
  const e = buckets.get(outcome);
  if (!e || e.count === 0) return { count: 0, mean: 0, p50: 0, p99: 0 };
  const bounds = [...e.le.entries()].sort((x, y) => x[0] - y[0]);
  const quantile = (q: number): number => {
    const rank = q * e.count;
    let prevLe = 0;
    let prevCount = 0;
    for (const [le, cum] of bounds) {
      if (cum >= rank) {
        if (le === Infinity) return prevLe;
        return prevLe + ((le - prevLe) * (rank - prevCount)) / Math.max(1, cum - prevCount);
      }
      prevLe = le;
      prevCount = cum;
    }
    return prevLe;
  };
  return { count: e.count, mean: e.sum / e.count, p50: quantile(0.5), p99: quantile(0.99) };
}
