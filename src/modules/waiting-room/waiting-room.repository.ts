import type { RedisClient } from '../../infra/redis.ts';
import { QUEUE_KEY_TTL_MS, READY_SHOWTIMES_KEY, queueKeys } from './keys.ts';
import {
  ADMIT,
  APPLY_DRAW,
  CHECK,
  ENTER,
  LEAVE,
  READ_EARLY,
  SNAPSHOT,
  STATUS,
  STATUS_MANY,
  storeUnavailable,
} from './scripts.ts';

/** Where one user stands in one showtime's queue, as Redis sees it at `now` (epoch ms, Redis clock). */
export type QueueState =
  | {
      status: 'WAITING';
      position: number;
      measuredRate: number | undefined;
      now: number;
      /** The user's score in the line (their place key) and the showtime's leave counter, when read. */
      score?: number;
      leftSeen?: number;
    }
  | { status: 'ADMITTED'; expiresAtMs: number; jti: string; now: number }
  /** Entered before sales opened; placed by the draw. `early` = how many wait for it. */
  | { status: 'EARLY'; early: number; measuredRate: number | undefined; now: number }
  | { status: 'NONE'; now: number };

export interface AdmitSettings {
  ratePerSecond: number;
  maxActive: number;
  sessionMs: number;
  batchId: string;
  maxCatchUpMs: number;
  rateTauMs: number;
  salesOpenAtMs: number;
}

export interface AdmitResult {
  admitted: string[];
  /** Still in line, early entrants included. */
  waitingLeft: number;
  /** Sales have opened and the early entrants are not drawn yet: nobody was admitted. */
  drawPending: boolean;
  now: number;
}

/** A showtime's serving counter and what goes with it, as one SNAPSHOT call read it (see scripts.ts). */
export interface ServingSnapshot {
  /** The highest score admitted so far (0 before any admission). */
  servedUpTo: number;
  /** Users still waiting with a score at or below `servedUpTo` (normally none). */
  below: number;
  /** Early entrants waiting for the draw. */
  early: number;
  /** Sequence numbers handed out: no place in the line scores above it. */
  seq: number;
  measuredRate: number | undefined;
  /** The leave counter (meta `left`). */
  left: number;
  /** Redis clock, epoch ms. */
  now: number;
  /** Users who left after the `leftSeen` asked about, or 'all' when too many did to list them. */
  leavers: string[] | 'all';
}

/** One early entrant: the user and the per-showtime sequence number their entry got. */
export interface EarlyEntry {
  userId: string;
  seq: number;
}

function parseState(
  kind: unknown,
  a: unknown,
  b: unknown,
  now: unknown,
  score?: unknown,
  left?: unknown,
): QueueState {
  const at = Number(now);
  if (kind === 'ADMITTED') return { status: 'ADMITTED', expiresAtMs: Number(a), jti: String(b), now: at };
  const rate = b === '' || b === null ? undefined : Number(b);
  if (kind === 'WAITING') {
    const state: QueueState = { status: 'WAITING', position: Number(a), measuredRate: rate, now: at };
    if (score !== undefined && score !== null) {
      state.score = Number(score);
      state.leftSeen = Number(left ?? 0);
    }
    return state;
  }
  if (kind === 'EARLY') return { status: 'EARLY', early: Number(a), measuredRate: rate, now: at };
  return { status: 'NONE', now: at };
}

/** The waiting room's Redis state. Every per-showtime operation is one single-slot Lua script. */
export class WaitingRoomRepository {
  constructor(private readonly redis: RedisClient) {}

  /** Enters the line, or the early set when sales have not opened yet (by the Redis clock). */
  async enter(showtimeId: string, userId: string, salesOpenAtMs: number): Promise<QueueState> {
    const k = queueKeys(showtimeId);
    const [kind, a, b, now, score, left] = (await ENTER.run(
      this.redis,
      [k.waiting, k.active, k.sessions, k.meta, k.early, k.seq],
      [userId, QUEUE_KEY_TTL_MS, salesOpenAtMs],
    )) as unknown[];
    const state = parseState(kind, a, b, now, score, left);
    // After the script, never inside it (another slot); see markDrained for the ordering. If this
    // fails the client gets 503 and retries, which is idempotent and adds the showtime again.
    if (state.status === 'WAITING' || state.status === 'EARLY') {
      await this.redis.sadd(READY_SHOWTIMES_KEY, showtimeId).catch((err: unknown) => {
        throw storeUnavailable(err);
      });
    }
    return state;
  }

  async status(showtimeId: string, userId: string): Promise<QueueState> {
    const k = queueKeys(showtimeId);
    const [kind, a, b, now, score, left] = (await STATUS.run(
      this.redis,
      [k.waiting, k.active, k.sessions, k.meta, k.early],
      [userId],
    )) as unknown[];
    return parseState(kind, a, b, now, score, left);
  }

  /** The serving-counter snapshot of a showtime, with the leavers since `leftSeen` (-1: none wanted). */
  async servingSnapshot(showtimeId: string, leftSeen: number): Promise<ServingSnapshot> {
    const k = queueKeys(showtimeId);
    const out = (await SNAPSHOT.run(
      this.redis,
      [k.waiting, k.meta, k.early, k.seq, k.leavers],
      [leftSeen],
    )) as unknown[];
    const rest = out.slice(7).map(String);
    return {
      servedUpTo: Number(out[0]),
      below: Number(out[1]),
      early: Number(out[2]),
      seq: Number(out[3]),
      measuredRate: out[4] === '' || out[4] === null ? undefined : Number(out[4]),
      left: Number(out[5]),
      now: Number(out[6]),
      leavers: rest[0] === '*' ? 'all' : rest,
    };
  }

  /** Many users of one showtime in one round trip (the SSE poller). */
  async statusMany(showtimeId: string, userIds: string[]): Promise<Map<string, QueueState>> {
    const k = queueKeys(showtimeId);
    const out = (await STATUS_MANY.run(
      this.redis,
      [k.waiting, k.active, k.sessions, k.meta, k.early],
      userIds,
    )) as unknown[];
    const now = out[out.length - 1];
    const states = new Map<string, QueueState>();
    userIds.forEach((userId, i) => {
      const [kind, a, b, score, left] = out.slice(i * 5, i * 5 + 5);
      states.set(userId, parseState(kind, a, b, now, score === '' ? undefined : score, left));
    });
    return states;
  }

  /** Removes the user from the line and ends their session; true when there was something to remove. */
  async leave(showtimeId: string, userId: string): Promise<boolean> {
    const k = queueKeys(showtimeId);
    const removed = (await LEAVE.run(
      this.redis,
      [k.waiting, k.active, k.sessions, k.early, k.meta, k.leavers],
      [userId, QUEUE_KEY_TTL_MS],
    )) as number;
    return removed > 0;
  }

  async isSessionActive(showtimeId: string, userId: string, jti: string): Promise<boolean> {
    const k = queueKeys(showtimeId);
    return ((await CHECK.run(this.redis, [k.active, k.sessions], [userId, jti])) as number) === 1;
  }

  async admit(showtimeId: string, s: AdmitSettings): Promise<AdmitResult> {
    const k = queueKeys(showtimeId);
    const out = (await ADMIT.run(
      this.redis,
      [k.waiting, k.active, k.sessions, k.meta, k.early],
      [
        s.ratePerSecond,
        s.maxActive,
        s.sessionMs,
        s.batchId,
        s.maxCatchUpMs,
        QUEUE_KEY_TTL_MS,
        s.rateTauMs,
        s.salesOpenAtMs,
      ],
    )) as unknown[];
    return {
      waitingLeft: Number(out[0]),
      now: Number(out[1]),
      drawPending: Number(out[2]) === 1,
      admitted: out.slice(3).map(String),
    };
  }

  /** The early entrants, or null while sales have not opened by the Redis clock (more may come). */
  async earlyEntries(showtimeId: string, salesOpenAtMs: number): Promise<EarlyEntry[] | null> {
    const out = (await READ_EARLY.run(
      this.redis,
      [queueKeys(showtimeId).early],
      [salesOpenAtMs],
    )) as unknown[];
    if (Number(out[0]) !== 1) return null;
    const entries: EarlyEntry[] = [];
    for (let i = 1; i + 1 < out.length; i += 2)
      entries.push({ userId: String(out[i]), seq: Number(out[i + 1]) });
    return entries;
  }

  /**
   * Places the early entrants in the given order (see APPLY_DRAW). Returns how many were placed, 0
   * when the draw had already happened, or null when the list missed someone (read again).
   */
  async applyDraw(showtimeId: string, ordered: EarlyEntry[]): Promise<number | null> {
    const k = queueKeys(showtimeId);
    const packed = ordered.map((e) => `${e.userId}:${e.seq}`).join(',');
    const placed = Number(
      await APPLY_DRAW.run(this.redis, [k.waiting, k.early, k.drawn, k.meta], [QUEUE_KEY_TTL_MS, packed]),
    );
    return placed < 0 ? null : placed;
  }

  /** The early entrants as the draw saw them (userId → seq), kept after the draw for checking. */
  async drawnEntries(showtimeId: string): Promise<EarlyEntry[]> {
    const flat = await this.redis.zrange(queueKeys(showtimeId).drawn, 0, -1, 'WITHSCORES');
    const entries: EarlyEntry[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) entries.push({ userId: flat[i]!, seq: Number(flat[i + 1]) });
    return entries;
  }

  /**
   * For the audit: how many wait in the early set, and whether the draw has placed it (the `drawn`
   * key exists). One single-slot pipeline, so the two answers describe the same moment.
   */
  async drawState(showtimeId: string): Promise<{ early: number; drawn: boolean }> {
    const k = queueKeys(showtimeId);
    const out = await this.redis.pipeline().zcard(k.early).exists(k.drawn).exec();
    const value = (i: number): number => {
      const [err, v] = out?.[i] ?? [new Error('no reply'), null];
      if (err) throw storeUnavailable(err);
      return Number(v);
    };
    return { early: value(0), drawn: value(1) === 1 };
  }

  /** The entry counter (entries ever made); the live dashboard derives entries per second from it. */
  async entryCount(showtimeId: string): Promise<number> {
    return Number((await this.redis.get(queueKeys(showtimeId).seq)) ?? 0);
  }

  async readyShowtimes(): Promise<string[]> {
    return this.redis.smembers(READY_SHOWTIMES_KEY);
  }

  /**
   * Drops a showtime from the ticker's set once its line is empty. Remove first, then look again:
   * an entry that lands in between has its own SADD after its script, so it is never lost.
   */
  async markDrained(showtimeId: string): Promise<void> {
    await this.redis.srem(READY_SHOWTIMES_KEY, showtimeId);
    const k = queueKeys(showtimeId);
    if ((await this.redis.zcard(k.waiting)) + (await this.redis.zcard(k.early)) > 0) {
      await this.redis.sadd(READY_SHOWTIMES_KEY, showtimeId);
    }
  }

  async unmarkReady(showtimeId: string): Promise<void> {
    await this.redis.srem(READY_SHOWTIMES_KEY, showtimeId);
  }

  /** Admission bookkeeping of a showtime (tests, metrics): last tick time and total admitted. */
  async admissionStats(showtimeId: string): Promise<{ lastTickMs: number; total: number }> {
    const [last, total] = await this.redis.hmget(queueKeys(showtimeId).meta, 'last', 'total');
    return { lastTickMs: Number(last ?? 0), total: Number(total ?? 0) };
  }

  /** Sessions not yet expired (by this process's clock; Redis runs on the same hosts' NTP time). */
  async activeCount(showtimeId: string): Promise<number> {
    return this.redis.zcount(queueKeys(showtimeId).active, Date.now(), '+inf');
  }

  /**
   * Line length, live sessions and measured admission rate (per second, EWMA) of one showtime, in
   * one round trip (all keys share the showtime's hash tag, so the pipeline is single-slot).
   */
  async figures(showtimeId: string): Promise<{ waiting: number; active: number; admittedPerSecond: number }> {
    const k = queueKeys(showtimeId);
    const out = await this.redis
      .pipeline()
      .zcard(k.waiting)
      .zcount(k.active, Date.now(), '+inf')
      .hget(k.meta, 'rate')
      .zcard(k.early)
      .exec();
    const value = (i: number): unknown => {
      const [err, v] = out?.[i] ?? [new Error('no reply'), null];
      if (err) throw storeUnavailable(err);
      return v;
    };
    return {
      // Early entrants waiting for the draw are in line too.
      waiting: Number(value(0)) + Number(value(3)),
      active: Number(value(1)),
      admittedPerSecond: Number(value(2) ?? 0),
    };
  }
}
