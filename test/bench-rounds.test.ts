import { readFileSync } from 'node:fs';
import path from 'node:path';
import type autocannon from 'autocannon';
import { describe, expect, it } from 'vitest';
import { median, pairedRatio, pairedRounds, ROOT, sampleOf, verdict } from '../bench/rounds.ts';

/**
 * The rules every bench's verdict rests on (bench/rounds.ts), checked without running a bench: error
 * responses are errors and never throughput, a comparison is the median of paired rounds whose order
 * alternates (not best against best), and any error fails the verdict. The benches the figures in
 * bench/reports come from are checked to use these rules, not a throughput or a verdict of their own.
 */

function result(statuses: Record<string, number>, seconds: number, extra: Partial<autocannon.Result> = {}) {
  const start = new Date(0);
  return {
    statusCodeStats: Object.fromEntries(Object.entries(statuses).map(([code, count]) => [code, { count }])),
    errors: 0,
    timeouts: 0,
    start,
    finish: new Date(seconds * 1000),
    latency: { p50: 1, p99: 2 },
    ...extra,
  } as unknown as autocannon.Result;
}

describe('bench samples count only expected responses as throughput', () => {
  it('a run that answered only 500s has no throughput and as many errors as responses', () => {
    const s = sampleOf(result({ '500': 10_000 }, 5));
    expect(s.requestsPerSecond).toBe(0);
    expect(s.ok).toBe(0);
    expect(s.errors).toBe(10_000);
  });

  it('counts 4xx and 5xx as errors by default, and transport errors and timeouts too', () => {
    const s = sampleOf(result({ '200': 900, '429': 50, '503': 50 }, 1, { errors: 3, timeouts: 2 }));
    expect(s.requestsPerSecond).toBe(900);
    expect(s.errors).toBe(105);
    expect(s.statuses).toEqual({ '200': 900, '429': 50, '503': 50 });
  });

  it('takes the caller’s expected statuses: a 201-only route counts a 200 as an error', () => {
    const s = sampleOf(
      result({ '201': 400, '200': 100, '410': 7 }, 2),
      (status) => status === 201 || status === 410,
    );
    expect(s.ok).toBe(407);
    expect(s.errors).toBe(100);
    expect(s.requestsPerSecond).toBe(204);
  });
});

describe('paired rounds', () => {
  it('measures every side each round, the order reversed every other round', async () => {
    const order: string[] = [];
    const out = await pairedRounds(['a', 'b', 'c'] as const, 4, async (side, round) => {
      order.push(`${round}:${side}`);
      return round;
    });
    expect(order).toEqual([
      '0:a',
      '0:b',
      '0:c',
      '1:c',
      '1:b',
      '1:a',
      '2:a',
      '2:b',
      '2:c',
      '3:c',
      '3:b',
      '3:a',
    ]);
    expect(out).toEqual({ a: [0, 1, 2, 3], b: [0, 1, 2, 3], c: [0, 1, 2, 3] });
  });

  it('compares by the median of the rounds’ own ratios, not best against best', () => {
    // One lucky round of the API alone (a quiet moment) must not carry the figure.
    const api = [500, 520, 2_000];
    const bare = [1_000, 1_000, 1_000];
    const r = pairedRatio(api, bare);
    expect(r.perRound).toEqual([0.5, 0.52, 2]);
    expect(r.median).toBe(0.52);
    expect(Math.max(...api) / Math.max(...bare)).toBe(2); // what best-vs-best would have said
    expect(median([3, 1, 2, 4])).toBe(2.5);
  });
});

describe('verdict', () => {
  it('fails on any error, whatever the other checks say', () => {
    expect(verdict(1, [{ name: 'fast', pass: true }]).pass).toBe(false);
    expect(verdict(0, [{ name: 'fast', pass: true }]).pass).toBe(true);
    expect(verdict(0, [{ name: 'fast', pass: false }]).pass).toBe(false);
    expect(verdict(1, []).lines[0]).toBe('- **FAIL**: zero errors (got 1)');
  });
});

describe('the benches behind the reported headlines use these rules', () => {
  const source = (name: string) => readFileSync(path.join(ROOT, 'bench', `${name}.ts`), 'utf8');

  it.each(['health', 'catalog', 'coupons', 'onsale', 'nginx-scale'])(
    'bench/%s.ts: paired rounds, a verdict on its errors that sets the exit code, no pinning',
    (name) => {
      const text = source(name);
      expect(text).toMatch(/\bpairedRounds[<(]/);
      expect(text).toMatch(/\bverdict\(\s*errors\b/);
      // Exits non-zero on a failed verdict: through finish(), or by hand after cleaning up.
      expect(text).toMatch(/\bfinish\(v\)|if \(!v\.pass\) \{[^}]*process\.exit\(1\)/);
      expect(text).not.toMatch(/\btaskset\b/);
    },
  );

  it.each(['health', 'catalog', 'nginx-scale'])(
    'bench/%s.ts: the headline ratio is a pairedRatio and its throughput counts only 200s',
    (name) => {
      const text = source(name);
      expect(text).toMatch(/\bpairedRatio\(/);
      expect(text).toMatch(/status === 200/);
      expect(text).not.toMatch(/Math\.max\(\.\.\./);
    },
  );
});
