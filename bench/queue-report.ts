/** The waiting-room bench's report: types and the Markdown written to bench/reports/queue.md. */

export interface Run {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}

export interface Round {
  baseline: Run;
  enter: Run & { newEntries: number };
  poll: Run;
  /** The same poll against a 5,000-user line. */
  pollShort: Run;
  waiting: number;
}

export interface Report {
  date: string;
  machine: string;
  loadAverage: string;
  queueSize: number;
  connections: number;
  durationSeconds: number;
  fill: { entries: number; seconds: number; perSecond: number };
  rounds: Round[];
  admissionTick: { admitted: number; ms: number };
  /** The pre-queue draw at the open (reports written before it existed lack it). */
  draw?: { earlyEntrants: number; ms: number };
  statusScriptPerSecond: number;
}

export function markdown(r: Report): string {
  const row = (label: string, x: Run) =>
    `| ${label} | ${x.requestsPerSecond.toLocaleString()} | ${x.p50} | ${x.p99} | ${x.total.toLocaleString()} | ${x.non2xx} | ${x.errors} |`;
  const rows = r.rounds.flatMap((round, i) => [
    row(`${i + 1}: baseline GET /health/live`, round.baseline),
    row(`${i + 1}: POST /showtimes/{id}/queue, each request a new user`, round.enter),
    row(`${i + 1}: GET /showtimes/{id}/queue, ${round.waiting.toLocaleString()} waiting`, round.poll),
    row(`${i + 1}: GET /showtimes/{id}/queue, 5,000 waiting (same code, short line)`, round.pollShort),
  ]);
  const ratio = (f: (x: Round) => number) => r.rounds.map((x) => f(x).toFixed(2)).join(' / ');
  return `# Waiting room benchmark

Run: ${r.date} on ${r.machine}; load average at start ${r.loadAverage} (other work shares the machine).
\`npm run bench:queue\` (bench/queue.ts). The API runs in its own process (one Node process, production
code path: auth, per-IP and per-user rate limits in Redis, settings cache, one Lua script per request);
autocannon runs in the bench process, ${r.connections} connections, ${r.durationSeconds} s per scenario, rounds alternating
the scenarios. Redis, PostgreSQL, the API and autocannon share the machine's cores.

Fill: ${r.fill.entries.toLocaleString()} waiting entries through the real entry script, pipelined, in ${r.fill.seconds} s
(${r.fill.perSecond.toLocaleString()} entries/s).

| round: scenario | req/s | p50 ms | p99 ms | requests | non-2xx | errors |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

New places taken per entry run: ${r.rounds.map((x) => x.enter.newEntries.toLocaleString()).join(' / ')}.
Throughput relative to the baseline of the same round — entry: ${ratio((x) => x.enter.requestsPerSecond / x.baseline.requestsPerSecond)},
poll (1M line): ${ratio((x) => x.poll.requestsPerSecond / x.baseline.requestsPerSecond)}, poll (short line): ${ratio((x) => x.pollShort.requestsPerSecond / x.baseline.requestsPerSecond)}.

One admission tick moving ${r.admissionTick.admitted} users from the head of the ${r.queueSize.toLocaleString()}-user line to the active set:
${r.admissionTick.ms} ms (ZRANGE + ZREMRANGEBYRANK are O(log n + k)).
${
  r.draw
    ? `
The draw at the open over ${r.draw.earlyEntrants.toLocaleString()} early entrants (read the early set, SHA-256 key per
entry in the API process, one script placing them all): ${r.draw.ms.toLocaleString()} ms.
`
    : ''
}
The status script alone (ZSCORE + ZRANK + HGET), pipelined from the bench process against that line:
${r.statusScriptPerSecond.toLocaleString()} calls/s.

Reading: position is ZRANK (O(log n)), and the status script costs Redis a few tens of µs with 1M
waiting, so the HTTP cost is dominated by what every authenticated request
pays — JWT verification, two rate-limit counters in Redis, Fastify and helmet — not by the size of
the line. Entry adds the idempotent entry script and an SADD.
`;
}
