/**
 * The hot paths of an onsale, each measured against bare Fastify in the same run: the API (production
 * mode, its own process) and, per path, a bare Fastify process answering the same method and URL with
 * the same status and body. Nothing is pinned: every process is free on both cores, as a user runs it.
 * Paired rounds, the order of the two sides alternating every round; figures are medians of the
 * rounds, ratios the median of the rounds' own ratios. For each side: req/s of the expected answers,
 * p50, p99, errors (any other status, transport errors, timeouts) and the server's CPU microseconds
 * per request (its utime + stime over the measurement ÷ the requests it answered).
 *
 * Paths (100 connections unless said):
 * - cached performance detail, anonymous (viewer cookie) and signed in (a bearer token per request),
 *   saturated and at half the bare rate (p99 compared there);
 * - waiting-room poll on a line 1,000,000 deep (BENCH_QUEUE_SIZE), pollers within the per-user limit;
 * - rejections: 429 (one user polling past the per-user limit), 403 (a hold without admission on a
 *   queued showtime), 409 (a hold on a sold-out showtime);
 * - hold attempts on a 1,130-seat hall by many users, 2 random seats each (most answers 409); every
 *   seat in a 201 answer is checked to be held once only;
 * - seat map of that hall: conditional (If-None-Match → 304) and full (200);
 * - search at 50 connections on BENCH_PERFORMANCES (10,000) performances with a fixed mix: 50 % title
 *   words, 20 % two-syllable Korean words, 15 % typos, 15 % initial consonants, pages of the API's
 *   default size (BENCH_SEARCH_SIZE, 20); the API runs with its page cache off (SEARCH_CACHE_MS=0), so
 *   every search is answered by its in-process index (SEARCH_INDEX, the default) or the database (no
 *   bare twin: judged by req/s and p99; PostgreSQL's CPU per search and the index's share reported
 *   beside the API's). The same mix against an API with SEARCH_INDEX=false, alternated round by round,
 *   is reported as the database's reference.
 * Paths with per-user state on the instance (signed-in detail, poll, 403, 409) first call once per
 * user (BENCH_USERS) before their rounds, reported as the "first sight" row: the rounds then measure
 * the steady state, as in an onsale where each user keeps polling and trying.
 * The purchase itself is bench/onsale's.
 *
 * The verdict fails on any error and on every target of docs/performance.md it misses.
 * Writes bench/reports/hot.{md,json}.
 *
 *   npm run bench:hot     BENCH_ROUNDS=3 BENCH_DURATION=5 BENCH_QUEUE_SIZE=1000000 BENCH_PERFORMANCES=10000
 *                         BENCH_ONLY=detail,poll (path keys, comma-separated)
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { createContainer, type Container } from '../src/container.ts';
import { HoldRepository } from '../src/modules/booking/hold.repository.ts';
import { chosung } from '../src/modules/catalog/hangul.ts';
import { QUEUE_KEY_TTL_MS, READY_SHOWTIMES_KEY, queueKeys } from '../src/modules/waiting-room/keys.ts';
import { ENTER } from '../src/modules/waiting-room/scripts.ts';
import { createShowtimeWithSeats } from '../test/factories.ts';
import { forgetKeys } from '../test/redis-cleanup.ts';
import { ADJECTIVES, ENGLISH, NOUNS, prepareBenchDatabase } from './catalog-data.ts';
import { cpuSeconds, postgresCpuSeconds } from './onsale-stack.ts';
import {
  machine,
  median,
  ms,
  pairedRatio,
  productionEnv,
  sampleOf,
  setting,
  startApi,
  startBare,
  verdict,
  finish,
  writeReport,
  x2,
  type Check,
  type Sample,
  type Server,
} from './rounds.ts';

const ROUNDS = setting('BENCH_ROUNDS', 3, 1, 9);
const DURATION = setting('BENCH_DURATION', 5, 1, 30);
const QUEUE_SIZE = setting('BENCH_QUEUE_SIZE', 1_000_000, 1_000, 2_000_000);
const PERFORMANCES = setting('BENCH_PERFORMANCES', 10_000, 100, 100_000);
const USERS = setting('BENCH_USERS', 30_000, 1_000, 200_000);
/** Items per search page: the API's default page (20); the web app's search page asks for 12. */
const SEARCH_SIZE = setting('BENCH_SEARCH_SIZE', 20, 1, 100);
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const WARMUP_SECONDS = 2;
const DB_NAME = 'ct_bench_hot';
const DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${DB_NAME}`;
const ENV = {
  ...productionEnv(),
  DATABASE_URL,
  REDIS_KEY_PREFIX: `bench:hot:${process.pid}:`,
  AMQP_EXCHANGE: `ct.bench.hot.${process.pid}`,
  AMQP_QUEUE_PREFIX: `ct.bench.hot.${process.pid}`,
  // One client address drives all the load; the per-address limit would otherwise answer every path.
  RATE_LIMIT_PER_MINUTE: '1000000',
  // No page cache: the mix's hundred queries would otherwise be served from the 3 s page cache within
  // a second at the target rate. Every search is answered by the index or the database.
  SEARCH_CACHE_MS: '0',
};

interface Measured extends Sample {
  /** Server CPU (user + system) per answered request, in microseconds. */
  cpuMicros: number;
  /** PostgreSQL's CPU (every backend) per answered request, in microseconds, where measured. */
  dbCpuMicros?: number;
  /** Share of the answers the API's fast lane gave (before Fastify), from its metrics; API only. */
  fastLane?: number;
  /** Share of the searches the in-process index answered, from the API's metrics; search only. */
  index?: number;
}

/** The sum of a counter's lines whose labels contain `labels` in the API's metrics, or undefined without metrics. */
async function counterOf(server: Server, name: string, labels = ''): Promise<number | undefined> {
  if (!server.metrics) return undefined;
  const text = await (await fetch(`${server.metrics}/metrics`)).text();
  const lines = text.split('\n').filter((l) => l.startsWith(name) && l.includes(labels));
  return lines.length === 0 ? undefined : lines.reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
}
const fastLaneAnswers = (server: Server) => counterOf(server, 'http_fast_lane_answers_total');
/** Text searches answered by the index and by the database, from the API's metrics. */
const searchAnswers = async (server: Server) => ({
  index: (await counterOf(server, 'catalog_search_answers_total', 'by="index"')) ?? 0,
  database: (await counterOf(server, 'catalog_search_answers_total', 'by="database"')) ?? 0,
});

/**
 * Sends searches one at a time from the first until twenty in a row are answered by the index;
 * returns the milliseconds that took (at most two minutes, then NaN).
 */
async function untilIndexed(server: Server, nextPath: () => string): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < 120_000) {
    const before = await searchAnswers(server);
    for (let i = 0; i < 20; i++) await (await fetch(`${server.base}${nextPath()}`)).arrayBuffer();
    const after = await searchAnswers(server);
    if (after.index - before.index === 20) return Math.round(performance.now() - t0);
  }
  return NaN;
}

/** The resident memory of a server process (VmRSS), in MB. */
function residentMb(server: Server): number {
  try {
    const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024);
  } catch {
    return NaN;
  }
}

const lanePart = (m: Measured | undefined) =>
  m?.fastLane === undefined ? '' : `; fast lane ${Math.round(m.fastLane * 100)} %`;

interface RequestPlan {
  method: 'GET' | 'POST';
  /** Path without the query string: what the bare twin routes. */
  route: string;
  /** The request of each call (rotating tokens, seats, queries). */
  next: () => { path: string; headers?: Record<string, string>; body?: string };
}

interface HotPath {
  key: string;
  name: string;
  connections: number;
  plan: RequestPlan;
  expected: (status: number) => boolean;
  /** Also measured at half the bare rate of the round (latency below saturation). */
  steady?: boolean;
  /**
   * Each of the BENCH_USERS users calls once before the rounds, so that the rounds measure the steady
   * state of an onsale (every poller, holder, reader has been seen by this instance before: its place
   * in line learned, its rate-limit slice leased, its token verified) rather than first sights; the
   * bench rotates its users too fast for the warm-up alone to do that. The pass is reported as its own
   * row ("first sight").
   */
  prime?: boolean;
  /** Called with the answers of the API side (status, body, the request's own context). */
  onApiResponse?: (status: number, body: string, sent: Record<string, unknown>) => void;
  targets: (r: PathResult) => Check[];
  note?: string;
}

interface PathResult {
  /** The priming pass (first sight of every user), API only. */
  firstSight?: Measured;
  bare: Measured[];
  api: Measured[];
  steadyBare: Measured[];
  steadyApi: Measured[];
  ratio: { median: number; perRound: number[] };
  steadyP99Ratio?: { median: number; perRound: number[] };
}

/**
 * One measurement: warm-up, then the counted run with the server's CPU time around it; with `amount`,
 * that many calls and no warm-up (the first-sight pass).
 */
async function measure(
  server: Server,
  path: HotPath,
  opts: { rate?: number; api: boolean; amount?: number; db?: boolean },
): Promise<Measured> {
  const request: autocannon.Request = {
    method: path.plan.method,
    setupRequest: (req, context) => {
      const call = path.plan.next();
      (context as Record<string, unknown>).sent = call;
      return {
        ...req,
        path: call.path,
        headers: {
          ...req.headers,
          ...call.headers,
          ...(call.body && { 'content-type': 'application/json' }),
        },
        body: call.body,
      };
    },
    onResponse: (status, body, context) => {
      if (opts.api) path.onApiResponse?.(status, body, (context as { sent: Record<string, unknown> }).sent);
    },
  };
  const base = { url: server.base, connections: path.connections, requests: [request] };
  if (!opts.rate && !opts.amount) await autocannon({ ...base, duration: WARMUP_SECONDS });
  const lane0 = await fastLaneAnswers(server);
  const answers0 = opts.db ? await searchAnswers(server) : undefined;
  const cpu0 = cpuSeconds(server.child.pid);
  const db0 = opts.db ? postgresCpuSeconds() : 0;
  const result = await autocannon({
    ...base,
    ...(opts.amount ? { amount: opts.amount } : { duration: DURATION }),
    ...(opts.rate && { overallRate: opts.rate }),
  });
  const cpu = cpuSeconds(server.child.pid) - cpu0;
  const lane1 = lane0 === undefined ? undefined : await fastLaneAnswers(server);
  const answers1 = opts.db ? await searchAnswers(server) : undefined;
  const sample = sampleOf(result, path.expected);
  const perRequest = (seconds: number) => Math.round((seconds * 1e6) / Math.max(1, result.requests.total));
  return {
    ...sample,
    cpuMicros: perRequest(cpu),
    ...(opts.db && { dbCpuMicros: perRequest(postgresCpuSeconds() - db0) }),
    ...(lane0 !== undefined &&
      lane1 !== undefined && { fastLane: (lane1 - lane0) / Math.max(1, result.requests.total) }),
    ...(answers0 &&
      answers1 && {
        index:
          (answers1.index - answers0.index) /
          Math.max(1, answers1.index - answers0.index + answers1.database - answers0.database),
      }),
  };
}

/** The API's answer to one call: what the bare twin must send back. */
async function answerOf(api: Server, path: HotPath): Promise<{ status: number; body: unknown }> {
  const call = path.plan.next();
  const res = await fetch(`${api.base}${call.path}`, {
    method: path.plan.method,
    headers: { ...call.headers, ...(call.body && { 'content-type': 'application/json' }) },
    body: call.body,
  });
  const text = await res.text();
  if (!path.expected(res.status)) throw new Error(`${path.key}: the API answered ${res.status}: ${text}`);
  return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

const rotate = <T>(xs: readonly T[]) => {
  let i = 0;
  return () => xs[i++ % xs.length]!;
};

/** 50 % title words, 20 % two-syllable Korean words, 15 % typos, 15 % initial consonants. */
function searchMix(): string[] {
  const titleWords = [...ADJECTIVES, ...NOUNS, ...ENGLISH.map((w) => w.toLowerCase())];
  const twoSyllables = [...ADJECTIVES, ...NOUNS].filter((w) => /^[가-힣]{2}$/.test(w));
  const typos = ['레미재라블', '교항곡', '백조의 호스', '한여릅밤의', '잃어버릿', '콘써트', '햄맅', '비밀에'];
  const initials = NOUNS.filter((w) => w.replace(/\s/g, '').length >= 2).map((w) =>
    chosung(w.replace(/\s/g, '')),
  );
  const mix: string[] = [];
  for (let i = 0; i < 100; i++) {
    if (i < 50) mix.push(titleWords[i % titleWords.length]!);
    else if (i < 70) mix.push(twoSyllables[i % twoSyllables.length]!);
    else if (i < 85) mix.push(typos[i % typos.length]!);
    else mix.push(initials[i % initials.length]!);
  }
  return mix;
}

/** Puts `userIds` in the showtime's line through the real entry script, pipelined. */
async function fillLine(container: Container, showtimeId: string, userIds: readonly string[]): Promise<void> {
  const keys = queueKeys(showtimeId);
  const k = [keys.waiting, keys.active, keys.sessions, keys.meta, keys.early, keys.seq];
  await ENTER.run(container.redis, k, [userIds[0]!, QUEUE_KEY_TTL_MS, 0]);
  for (let i = 1; i < userIds.length; i += 10_000) {
    const pipe = container.redis.pipeline();
    for (const id of userIds.slice(i, i + 10_000))
      pipe.evalsha(ENTER.sha, k.length, ...k, id, QUEUE_KEY_TTL_MS, 0);
    await pipe.exec();
  }
  await container.redis.sadd(READY_SHOWTIMES_KEY, showtimeId);
}

async function main(): Promise<void> {
  // Every server started registers an exit listener (rounds.ts) that kills it if this process dies.
  process.setMaxListeners(50);
  console.log(`preparing ${DB_NAME}: ${PERFORMANCES} performances…`);
  const { performanceId } = await prepareBenchDatabase(DATABASE_URL, PERFORMANCES);
  const container = await createContainer(loadConfig({ ...ENV }), 'cli');
  const servers: Server[] = [];
  let outcome: ReturnType<typeof verdict>;
  try {
    // A 1,130-seat hall (10 rows of 113) open for sale without a queue: holds and seat maps.
    const hall = await createShowtimeWithSeats(container, {
      rows: 10,
      seatsPerRow: 113,
      maxTicketsPerUser: 4,
    });
    // A queued showtime on sale whose line does not move (nobody is admitted while measured).
    const queued = await createShowtimeWithSeats(container, {
      queue: { enabled: true, admitPerSecond: 1, maxActive: 1, sessionSeconds: 600 },
    });
    const soldOut = await createShowtimeWithSeats(container, { rows: 2, seatsPerRow: 10 });
    await sql`UPDATE seats SET status = 'SOLD' WHERE showtime_id = ${soldOut.showtimeId}`.execute(
      container.db,
    );
    // What a confirmation does beside the database: the seats marked sold in the Redis holds.
    await new HoldRepository(container.redis).markSold(
      soldOut.showtimeId,
      soldOut.seats.map((s) => s.id),
    );

    console.log(`minting ${USERS} tokens…`);
    const userIds = Array.from({ length: USERS }, () => randomUUID());
    const bearers = await Promise.all(
      userIds.map((id) => container.tokens.sign({ userId: id, role: 'USER' }).then((t) => `Bearer ${t}`)),
    );
    const wantsPoll = ONLY.length === 0 || ONLY.includes('poll') || ONLY.includes('reject-429');
    if (wantsPoll) {
      console.log(
        `filling the line: ${QUEUE_SIZE.toLocaleString()} ahead of ${USERS.toLocaleString()} pollers…`,
      );
      const t0 = performance.now();
      const ahead = Array.from({ length: QUEUE_SIZE }, () => randomUUID());
      await fillLine(container, queued.showtimeId, [...ahead, ...userIds]);
      console.log(`filled in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }

    const api = await startApi(ENV);
    servers.push(api);
    const detailPath = `/api/v1/performances/${performanceId}`;
    const first = await fetch(`${api.base}${detailPath}`);
    await first.text();
    // A browser keeps its viewer cookie: repeat views are de-duplicated, as in real traffic.
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const seatsPath = `/api/v1/showtimes/${hall.showtimeId}/seats`;
    const etag = (await fetch(`${api.base}${seatsPath}`)).headers.get('etag') ?? '';

    const bearer = rotate(bearers);
    const loneBearer = bearers[0]!;
    const hallSeats = hall.seats.map((s) => s.id);
    const heldSeats = new Map<string, number>();
    let holdsGranted = 0;
    const queries = rotate(searchMix());
    const hold = (showtimeId: string, seatIds: string[]) => ({
      path: `/api/v1/showtimes/${showtimeId}/holds`,
      headers: { authorization: bearer() },
      body: JSON.stringify({ seatIds }),
    });
    const twoRandomSeats = () => {
      const a = Math.floor(Math.random() * hallSeats.length);
      const b = (a + 1 + Math.floor(Math.random() * (hallSeats.length - 1))) % hallSeats.length;
      return [hallSeats[a]!, hallSeats[b]!];
    };
    const atLeast = (target: number, what: string, r: PathResult): Check => ({
      name: `${what} ${x2(r.ratio.median)} bare (target ≥ ${target}×)`,
      pass: r.ratio.median >= target,
    });
    const steadyP99 = (r: PathResult): Check => ({
      name: `p99 at half the bare rate ${x2(r.steadyP99Ratio?.median ?? NaN)} bare's (${ms(median(r.steadyApi.map((s) => s.p99)))} vs ${ms(median(r.steadyBare.map((s) => s.p99)))} ms; target ≤ 2×)`,
      pass: (r.steadyP99Ratio?.median ?? Infinity) <= 2,
    });
    const is =
      (...codes: number[]) =>
      (status: number) =>
        codes.includes(status);

    const allPaths: HotPath[] = [
      {
        key: 'detail',
        name: 'cached detail, anonymous',
        connections: 100,
        plan: { method: 'GET', route: detailPath, next: () => ({ path: detailPath, headers: { cookie } }) },
        expected: is(200),
        steady: true,
        targets: (r) => [atLeast(0.7, 'cached detail, anonymous:', r), steadyP99(r)],
      },
      {
        key: 'detail-signed',
        prime: true,
        name: 'cached detail, signed in',
        connections: 100,
        plan: {
          method: 'GET',
          route: detailPath,
          next: () => ({ path: detailPath, headers: { cookie, authorization: bearer() } }),
        },
        expected: is(200),
        steady: true,
        targets: (r) => [atLeast(0.7, 'cached detail, signed in:', r), steadyP99(r)],
      },
      {
        key: 'poll',
        prime: true,
        name: `waiting-room poll, ${QUEUE_SIZE.toLocaleString()} ahead`,
        connections: 100,
        plan: {
          method: 'GET',
          route: `/api/v1/showtimes/${queued.showtimeId}/queue`,
          next: () => ({
            path: `/api/v1/showtimes/${queued.showtimeId}/queue`,
            headers: { authorization: bearer() },
          }),
        },
        expected: is(200),
        targets: (r) => [atLeast(0.6, 'waiting-room poll:', r)],
      },
      {
        key: 'reject-429',
        name: 'rejection 429: one user polling past the per-user limit',
        connections: 100,
        plan: {
          method: 'GET',
          route: `/api/v1/showtimes/${queued.showtimeId}/queue`,
          next: () => ({
            path: `/api/v1/showtimes/${queued.showtimeId}/queue`,
            headers: { authorization: loneBearer },
          }),
        },
        // The first polls of each minute are within the limit; the rest are the intended 429.
        expected: is(429, 200),
        targets: (r) => [atLeast(0.7, 'rejection 429:', r)],
      },
      {
        key: 'reject-403',
        prime: true,
        name: 'rejection 403: a hold without admission',
        connections: 100,
        plan: {
          method: 'POST',
          route: `/api/v1/showtimes/${queued.showtimeId}/holds`,
          next: () => hold(queued.showtimeId, [queued.seats[0]!.id]),
        },
        expected: is(403),
        targets: (r) => [atLeast(0.7, 'rejection 403:', r)],
      },
      {
        key: 'reject-409',
        prime: true,
        name: 'rejection 409: a hold on a sold-out showtime',
        connections: 100,
        plan: {
          method: 'POST',
          route: `/api/v1/showtimes/${soldOut.showtimeId}/holds`,
          next: () => hold(soldOut.showtimeId, [soldOut.seats[0]!.id, soldOut.seats[1]!.id]),
        },
        expected: is(409),
        targets: (r) => [atLeast(0.7, 'rejection 409:', r)],
      },
      {
        key: 'holds',
        name: 'hold attempts, 1,130 seats, 2 random seats each',
        connections: 100,
        plan: {
          method: 'POST',
          route: `/api/v1/showtimes/${hall.showtimeId}/holds`,
          next: () => ({ ...hold(hall.showtimeId, twoRandomSeats()) }),
        },
        expected: is(201, 409),
        onApiResponse: (status, _body, sent) => {
          if (status !== 201) return;
          holdsGranted++;
          for (const id of (JSON.parse(sent.body as string) as { seatIds: string[] }).seatIds)
            heldSeats.set(id, (heldSeats.get(id) ?? 0) + 1);
        },
        targets: (r) => {
          const twice = [...heldSeats.values()].filter((n) => n > 1).length;
          const p99 = median(r.api.map((s) => s.p99));
          return [
            atLeast(0.3, 'hold attempts:', r),
            { name: `hold attempts p99 ${ms(p99)} ms (target < 50 ms)`, pass: p99 < 50 },
            {
              name: `no seat held twice (${holdsGranted} holds granted, ${heldSeats.size} seats, ${twice} held twice)`,
              pass: twice === 0 && heldSeats.size <= hallSeats.length,
            },
          ];
        },
      },
      {
        key: 'seatmap-304',
        name: 'seat map, 1,130 seats, If-None-Match → 304',
        connections: 100,
        plan: {
          method: 'GET',
          route: seatsPath,
          next: () => ({ path: seatsPath, headers: { 'if-none-match': etag } }),
        },
        expected: is(304),
        targets: (r) => [atLeast(0.7, 'seat map 304:', r)],
        note: 'the ETag is taken before the hold attempts, so once seats are held the map answers 200',
      },
      {
        key: 'seatmap',
        name: 'seat map, 1,130 seats, full',
        connections: 100,
        plan: { method: 'GET', route: seatsPath, next: () => ({ path: seatsPath }) },
        expected: is(200),
        targets: (r) => [atLeast(0.3, 'seat map full:', r)],
      },
    ];
    const paths = allPaths.filter((p) => ONLY.length === 0 || ONLY.includes(p.key));

    // The hold attempts change the seat map: the conditional map is measured before them.
    paths.sort((a, b) => Number(b.key === 'seatmap-304') - Number(a.key === 'seatmap-304'));

    const results = new Map<string, PathResult>();
    for (const path of paths) {
      const answer = await answerOf(api, path);
      const bare = await startBare({ method: path.plan.method, url: path.plan.route, ...answer });
      servers.push(bare);
      const r: PathResult = {
        bare: [],
        api: [],
        steadyBare: [],
        steadyApi: [],
        ratio: { median: NaN, perRound: [] },
      };
      if (path.prime) {
        r.firstSight = await measure(api, path, { api: true, amount: USERS });
        console.log(
          `${path.key} first sight of ${USERS} users: ${r.firstSight.requestsPerSecond} req/s p50 ${r.firstSight.p50} p99 ${r.firstSight.p99} ms, ${r.firstSight.cpuMicros} µs CPU/req, errors ${r.firstSight.errors}`,
        );
      }
      for (let round = 0; round < ROUNDS; round++) {
        const order: Array<'bare' | 'api'> = round % 2 === 0 ? ['bare', 'api'] : ['api', 'bare'];
        for (const side of order) {
          const m = await measure(side === 'api' ? api : bare, path, { api: side === 'api' });
          r[side].push(m);
          console.log(
            `${path.key} round ${round + 1}/${ROUNDS} ${side}: ${m.requestsPerSecond} req/s p50 ${m.p50} p99 ${m.p99} ms, ${m.cpuMicros} µs CPU/req, errors ${m.errors} ${JSON.stringify(m.statuses)}${lanePart(m)}`,
          );
        }
        if (path.steady) {
          const rate = Math.max(100, Math.round(r.bare[round]!.requestsPerSecond / 2 / 100) * 100);
          for (const side of order) {
            const m = await measure(side === 'api' ? api : bare, path, { api: side === 'api', rate });
            (side === 'api' ? r.steadyApi : r.steadyBare).push(m);
            console.log(`${path.key} round ${round + 1}/${ROUNDS} ${side} at ${rate} req/s: p99 ${m.p99} ms`);
          }
        }
      }
      r.ratio = pairedRatio(
        r.api.map((s) => s.requestsPerSecond),
        r.bare.map((s) => s.requestsPerSecond),
      );
      if (path.steady)
        r.steadyP99Ratio = pairedRatio(
          r.steadyApi.map((s) => Math.max(1, s.p99)),
          r.steadyBare.map((s) => Math.max(1, s.p99)),
        );
      results.set(path.key, r);
      await bare.stop();
    }

    // Search (the index, the database behind it): no bare twin; absolute targets.
    const search: Measured[] = [];
    const searchDb: Measured[] = [];
    let searchMemory = { index: NaN, database: NaN };
    let indexReadyMs = NaN;
    const wantsSearch = ONLY.length === 0 || ONLY.includes('search');
    if (wantsSearch) {
      const searchPath: HotPath = {
        key: 'search',
        name: 'search',
        connections: 50,
        plan: {
          method: 'GET',
          route: '/api/v1/performances',
          next: () => ({
            path: `/api/v1/performances?q=${encodeURIComponent(queries())}&size=${SEARCH_SIZE}`,
          }),
        },
        expected: is(200),
        targets: () => [],
      };
      // The same mix from the database alone (SEARCH_INDEX=false), alternated round by round with the
      // index: the reference the index is judged beside, not a target.
      const dbApi = await startApi({ ...ENV, SEARCH_INDEX: 'false' });
      servers.push(dbApi);
      // The index loads on an instance's first search, while the database answers; the rounds measure
      // the steady state after it (how long the load took is reported).
      indexReadyMs = await untilIndexed(api, () => searchPath.plan.next().path);
      console.log(`search index answering ${indexReadyMs} ms after the first search`);
      for (let round = 0; round < ROUNDS; round++) {
        const m = await measure(api, searchPath, { api: true, db: true });
        search.push(m);
        console.log(
          `search round ${round + 1}/${ROUNDS}: ${m.requestsPerSecond} req/s p99 ${m.p99} ms, ${m.cpuMicros} µs API and ${m.dbCpuMicros} µs PostgreSQL CPU/search, index ${Math.round((m.index ?? 0) * 100)} %, errors ${m.errors}`,
        );
        const d = await measure(dbApi, searchPath, { api: true, db: true });
        searchDb.push(d);
        console.log(
          `search from the database round ${round + 1}/${ROUNDS}: ${d.requestsPerSecond} req/s p99 ${d.p99} ms, ${d.cpuMicros} µs API and ${d.dbCpuMicros} µs PostgreSQL CPU/search, errors ${d.errors}`,
        );
      }
      searchMemory = { index: residentMb(api), database: residentMb(dbApi) };
      await dbApi.stop();
    }

    const checks: Check[] = [];
    let errors = 0;
    const rows: string[] = [];
    const med = (xs: Measured[], f: (m: Measured) => number) => median(xs.map(f));
    for (const path of paths) {
      const r = results.get(path.key)!;
      checks.push(...path.targets(r));
      for (const m of [...r.api, ...r.bare, ...r.steadyApi, ...r.steadyBare]) errors += m.errors;
      if (r.firstSight) errors += r.firstSight.errors;
      rows.push(
        `| ${path.name} | ${Math.round(med(r.bare, (m) => m.requestsPerSecond))} | ${Math.round(med(r.api, (m) => m.requestsPerSecond))} | **${x2(r.ratio.median)}** (${r.ratio.perRound.map((x) => x.toFixed(2)).join(', ')}) | ${med(r.bare, (m) => m.p50)} / ${med(r.bare, (m) => m.p99)} | ${med(r.api, (m) => m.p50)} / ${med(r.api, (m) => m.p99)} | ${med(r.bare, (m) => m.cpuMicros)} | ${med(r.api, (m) => m.cpuMicros)} | ${r.api.reduce((n, m) => n + m.errors, 0)} | ${Object.entries(
          r.api.at(-1)?.statuses ?? {},
        )
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')}${lanePart(r.api.at(-1))} |`,
      );
      const f = r.firstSight;
      if (f)
        rows.push(
          `| ↳ first sight: each of ${USERS.toLocaleString()} users once, before the rounds | – | ${f.requestsPerSecond} | – | – | ${f.p50} / ${f.p99} | – | ${f.cpuMicros} | ${f.errors} | ${Object.entries(
            f.statuses,
          )
            .map(([k, v]) => `${k}: ${v}`)
            .join(', ')}${lanePart(f)} |`,
        );
    }
    if (search.length > 0) {
      const rps = med(search, (m) => m.requestsPerSecond);
      const p99 = med(search, (m) => m.p99);
      errors += search.reduce((n, m) => n + m.errors, 0);
      checks.push(
        { name: `search ${Math.round(rps)} req/s (target ≥ 1,000)`, pass: rps >= 1000 },
        { name: `search p99 ${ms(p99)} ms (target < 100 ms)`, pass: p99 < 100 },
      );
      errors += searchDb.reduce((n, m) => n + m.errors, 0);
      rows.push(
        `| search, ${PERFORMANCES.toLocaleString()} performances, 50 connections (mix) | – | ${Math.round(rps)} | – | – | ${med(search, (m) => m.p50)} / ${p99} | – | ${med(search, (m) => m.cpuMicros)} | ${search.reduce((n, m) => n + m.errors, 0)} | PostgreSQL µs CPU/search: ${med(search, (m) => m.dbCpuMicros ?? NaN)}; index ${Math.round(med(search, (m) => m.index ?? 0) * 100)} % (answering ${(indexReadyMs / 1000).toFixed(1)} s after the first search); API resident ${searchMemory.index} MB |`,
        `| ↳ the same mix from the database alone (SEARCH_INDEX=false; reference, alternated) | – | ${Math.round(med(searchDb, (m) => m.requestsPerSecond))} | – | – | ${med(searchDb, (m) => m.p50)} / ${med(searchDb, (m) => m.p99)} | – | ${med(searchDb, (m) => m.cpuMicros)} | ${searchDb.reduce((n, m) => n + m.errors, 0)} | PostgreSQL µs CPU/search: ${med(searchDb, (m) => m.dbCpuMicros ?? NaN)}; API resident ${searchMemory.database} MB |`,
      );
    }
    const v = verdict(errors, checks);
    const steadyRows = paths
      .filter((p) => p.steady)
      .map((p) => {
        const r = results.get(p.key)!;
        return `| ${p.name} | ${med(r.steadyBare, (m) => m.p99)} | ${med(r.steadyApi, (m) => m.p99)} | ${x2(r.steadyP99Ratio?.median ?? NaN)} |`;
      });
    const when = new Date().toISOString();
    const md = [
      '# Hot paths against bare Fastify',
      '',
      `Run ${when} on ${machine()}. Each server in its own process, unpinned (all processes free on both`,
      `cores); the API with NODE_ENV=production, LOG_LEVEL=warn; autocannon in this process. ${ROUNDS} paired rounds per`,
      `path, the order alternating every round, ${DURATION} s per measurement after a ${WARMUP_SECONDS} s warm-up. Figures are medians`,
      "of the rounds; the ratio is the median of the rounds' own ratios (per round in brackets). CPU is the server",
      "process's user + system time over the measurement divided by the requests it answered.",
      `Rows marked "first sight" are a pass of one call per user (${USERS.toLocaleString()} users, the API alone) made before`,
      "that path's rounds: the rounds measure users this instance has seen (steady state), this row their first call.",
      '"Fast lane" in the statuses column: the share of the API\'s answers given before Fastify (src/http/fast-lane.ts), from its metrics.',
      '',
      '| path | bare req/s | API req/s | API ÷ bare | bare p50 / p99 ms | API p50 / p99 ms | bare µs CPU/req | API µs CPU/req | API errors | API statuses (last round) |',
      '| --- | ---: | ---: | --- | --- | --- | ---: | ---: | ---: | --- |',
      ...rows,
      '',
      ...(steadyRows.length
        ? [
            "At half the bare server's saturated rate of the round (latency below saturation):",
            '',
            '| path | bare p99 ms | API p99 ms | API ÷ bare |',
            '| --- | ---: | ---: | --- |',
            ...steadyRows,
            '',
          ]
        : []),
      ...paths.filter((p) => p.note).map((p) => `- ${p.name}: ${p.note}.`),
      '',
      'Verdict:',
      ...v.lines,
      '',
    ].join('\n');
    await writeReport('hot', md, {
      when,
      rounds: ROUNDS,
      durationSeconds: DURATION,
      queueSize: QUEUE_SIZE,
      performances: PERFORMANCES,
      paths: Object.fromEntries(results),
      search,
      verdict: v,
    });
    outcome = v;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    // The run's keys (the million-deep line among them, a few hundred MB) go with it, not with their TTL.
    await forgetKeys({ url: loadConfig({ ...ENV }).REDIS_URL }, ENV.REDIS_KEY_PREFIX);
    await container.close();
  }
  finish(outcome);
}

await main();
