/**
 * The waiting room's proof of work (docs/waiting-room.md "Proof of work at entry"), measured in two
 * halves:
 * - server: the cost of checking one solved entry: the signature and hash check alone (CPU, the part
 *   that must stay under 0.1 ms), and the whole redeem with its single-use SET NX on the local Redis
 *   (entries per second at BENCH_POW_CONCURRENCY in flight);
 * - client: the time and the hashes to solve a challenge at each difficulty on this machine, with
 *   the browser's search (web/src/lib/pow-search.ts, one thread: what each of its workers runs), and
 *   altcha-lib's Web Crypto search at the default difficulty for comparison.
 * Writes bench/reports/queue-pow.json and bench/reports/queue-pow.md.
 *
 *   npm run bench:queue-pow   (BENCH_POW_VERIFY, BENCH_POW_SAMPLES, BENCH_POW_DIFFICULTIES,
 *                              BENCH_POW_CONCURRENCY to change; small values make a smoke run)
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { solveChallenge, verifySolution } from 'altcha-lib/v1';
import { loadConfig } from '../src/config.ts';
import { systemClock } from '../src/infra/clock.ts';
import { createRedis } from '../src/infra/redis.ts';
import { ProofOfWork, type QueueChallenge } from '../src/modules/waiting-room/proof-of-work.ts';
import { searchPow } from '../web/src/lib/pow-search.ts';

const VERIFY = Number(process.env.BENCH_POW_VERIFY ?? 20_000);
const SAMPLES = Number(process.env.BENCH_POW_SAMPLES ?? 20);
const CONCURRENCY = Number(process.env.BENCH_POW_CONCURRENCY ?? 50);
const DIFFICULTIES = (process.env.BENCH_POW_DIFFICULTIES ?? '10000,20000,50000,100000,200000,500000,1000000')
  .split(',')
  .map(Number);
const SECRET = 'bench-only-secret-0123456789abcdef0123456789';

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/** Solves with Node's synchronous hash (fast) to prepare entries whose verification is timed. */
function payloadOf(c: QueueChallenge): string {
  for (let n = 0; n <= c.maxnumber; n++) {
    if (
      createHash('sha256')
        .update(c.salt + n)
        .digest('hex') === c.challenge
    ) {
      return Buffer.from(
        JSON.stringify({
          algorithm: c.algorithm,
          challenge: c.challenge,
          number: n,
          salt: c.salt,
          signature: c.signature,
        }),
      ).toString('base64');
    }
  }
  throw new Error('unsolvable');
}

async function main(): Promise<void> {
  const config = loadConfig();
  const redis = createRedis({
    url: config.REDIS_URL,
    keyPrefix: `bench-pow-${randomUUID().slice(0, 8)}:`,
  });
  const pow = new ProofOfWork(redis, SECRET, systemClock, {
    challengeMs: 600_000,
    spikePerSecond: 1e9,
    maxFactor: 1,
  });
  const showtimeId = randomUUID();

  // Entries to check: cheap challenges (the solve is not what is measured here).
  const payloads: string[] = [];
  for (let i = 0; i < VERIFY; i++)
    payloads.push(payloadOf(await pow.challenge(showtimeId, 1000, `10.0.${i % 250}.1`)));

  // CPU: the check redeem runs (ProofOfWork.solves: SHA-256 of salt + number, HMAC of the challenge),
  // and altcha-lib's Web Crypto verifySolution beside it for comparison.
  const hmacKey = createHmac('sha256', SECRET).update('altcha-challenge-v1').digest('hex');
  const decoded = payloads.map((p) => JSON.parse(Buffer.from(p, 'base64').toString('utf8')));
  const check = (pow as unknown as { solves(p: unknown): boolean }).solves.bind(pow);
  let ok = 0;
  const t0 = performance.now();
  for (const d of decoded) if (check(d)) ok++;
  const verifyMs = performance.now() - t0;
  if (ok !== VERIFY) throw new Error(`only ${ok} of ${VERIFY} verified`);
  const tLib = performance.now();
  for (const d of decoded) await verifySolution(d, hmacKey, false);
  const libMs = performance.now() - tLib;

  // Whole redeem (decode, params, expiry, check, SET NX on Redis) at CONCURRENCY in flight.
  let next = 0;
  const t1 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < payloads.length) await pow.redeem(showtimeId, payloads[next++]!);
    }),
  );
  const redeemMs = performance.now() - t1;

  // Client: solve time and hashes per difficulty.
  const client: { difficulty: number; meanHashes: number; meanMs: number; p95Ms: number; maxMs: number }[] =
    [];
  for (const difficulty of DIFFICULTIES) {
    const ms: number[] = [];
    const hashes: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const c = await pow.challenge(showtimeId, difficulty, `10.1.${i % 250}.1`);
      const start = performance.now();
      const s = searchPow(c.challenge, c.salt, c.maxnumber);
      ms.push(performance.now() - start);
      hashes.push(s!.hashes);
    }
    client.push({
      difficulty,
      meanHashes: Math.round(hashes.reduce((a, b) => a + b, 0) / SAMPLES),
      meanMs: Math.round(ms.reduce((a, b) => a + b, 0) / SAMPLES),
      p95Ms: Math.round(percentile(ms, 95)),
      maxMs: Math.round(Math.max(...ms)),
    });
    console.log(`difficulty ${difficulty}: ${JSON.stringify(client.at(-1))}`);
  }
  // For comparison, at the default difficulty: altcha-lib's own search, one Web Crypto digest per number.
  const webCryptoMs: number[] = [];
  for (let i = 0; i < Math.min(SAMPLES, 5); i++) {
    const c = await pow.challenge(showtimeId, config.QUEUE_POW_DIFFICULTY, `10.2.${i}.1`);
    const start = performance.now();
    await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
    webCryptoMs.push(performance.now() - start);
  }
  await redis.quit();

  const report = {
    at: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg()[0]!.toFixed(2)}`,
    node: process.version,
    server: {
      entries: VERIFY,
      verifyMicrosPerEntry: Math.round((verifyMs / VERIFY) * 1000 * 10) / 10,
      altchaLibVerifyMicrosPerEntry: Math.round((libMs / VERIFY) * 1000 * 10) / 10,
      redeemPerSecond: Math.round(VERIFY / (redeemMs / 1000)),
      redeemMicrosPerEntryWall: Math.round((redeemMs / VERIFY) * 1000 * 10) / 10,
      concurrency: CONCURRENCY,
    },
    client: {
      samples: SAMPLES,
      rows: client,
      defaultDifficulty: config.QUEUE_POW_DIFFICULTY,
      webCryptoMeanMs: Math.round(webCryptoMs.reduce((a, b) => a + b, 0) / webCryptoMs.length),
    },
  };
  console.log(JSON.stringify(report.server));
  writeFileSync(new URL('./reports/queue-pow.json', import.meta.url), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(new URL('./reports/queue-pow.md', import.meta.url), markdown(report));
}

function markdown(r: {
  at: string;
  machine: string;
  node: string;
  server: {
    entries: number;
    verifyMicrosPerEntry: number;
    altchaLibVerifyMicrosPerEntry: number;
    redeemPerSecond: number;
    redeemMicrosPerEntryWall: number;
    concurrency: number;
  };
  client: {
    samples: number;
    rows: { difficulty: number; meanHashes: number; meanMs: number; p95Ms: number; maxMs: number }[];
    defaultDifficulty: number;
    webCryptoMeanMs: number;
  };
}): string {
  const rows = r.client.rows
    .map(
      (c) =>
        `| ${c.difficulty.toLocaleString()} | ${c.meanHashes.toLocaleString()} | ${c.meanMs} | ${c.p95Ms} | ${c.maxMs} |`,
    )
    .join('\n');
  return `# Waiting room proof of work

${r.at}, ${r.machine}, Node ${r.node}. \`npm run bench:queue-pow\` (bench/queue-pow.ts).

## Server: checking one solved entry
- Signature and hash check as redeem runs it (CPU, node:crypto): **${r.server.verifyMicrosPerEntry} µs per entry** over ${r.server.entries.toLocaleString()} entries (budget: 100 µs); altcha-lib's Web Crypto \`verifySolution\` for comparison: ${r.server.altchaLibVerifyMicrosPerEntry} µs.
- Whole redeem with the single-use SET NX on the local Redis, ${r.server.concurrency} in flight: ${r.server.redeemPerSecond.toLocaleString()} entries/s (${r.server.redeemMicrosPerEntryWall} µs of wall time per entry).

## Client: solving at each difficulty (one thread)
${r.client.samples} challenges per difficulty with \`searchPow\` (web/src/lib/pow-search.ts: a synchronous
SHA-256, what each of the browser's workers runs; the browser splits the range over up to 4 of them).
Hashes are this search's own count. For comparison at the default difficulty
(${r.client.defaultDifficulty.toLocaleString()}), altcha-lib's search with a Web Crypto digest per number: ${r.client.webCryptoMeanMs} ms mean.

| difficulty (maxnumber) | mean hashes | mean ms | p95 ms | max ms |
| ---: | ---: | ---: | ---: | ---: |
${rows}
`;
}

await main();
