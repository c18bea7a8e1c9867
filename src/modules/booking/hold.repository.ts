import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { AppError } from '../../errors.ts';
import { RedisScript, type RedisClient } from '../../infra/redis.ts';

/*
 * Seat holds in Redis. Every key of a showtime carries the hash tag {st:<id>} so the scripts run on
 * Redis Cluster. Keys:
 *   {st:X}:held          hash seatId → "<holdId>|<expiresAtMs>" (held or reserved), or "S" (sold)
 *   {st:X}:u:<userId>    hash holdId → "<seatCount>|<expiresAtMs>" (the user's open holds)
 *   {st:X}:hold:<holdId> hash userId, seatIds, amount, expiresAt, reservationId
 *   {st:X}:open          zset "<holdId>|<seatIds>" by expiry: open holds, swept (and counted) when they lapse
 *   holds:showtimes      set of showtimes that have open holds (the sweep's work list)
 *   holdref:<holdId>     showtimeId (a hold is addressed by id alone in the API)
 * Expired entries are ignored by comparing with Redis TIME and cleaned lazily; no sweeper is needed.
 */

const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;
const LIVE = `local function live(v) if not v then return false end if v == 'S' then return true end
  local e = tonumber(string.match(v, '|(%d+)$')) return e ~= nil and e > now end`;

// KEYS: held, user, hold, open. ARGV: holdId, userId, ttlMs, limit, alreadyBought, amount, seatIds...
const HOLD = `${NOW} ${LIVE}
local holdId, userId, ttl, limit, bought = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local taken = {}
for i = 7, #ARGV do if live(redis.call('HGET', KEYS[1], ARGV[i])) then taken[#taken + 1] = ARGV[i] end end
if #taken > 0 then table.insert(taken, 1, 'TAKEN') return taken end
local held = 0
local entries = redis.call('HGETALL', KEYS[2])
for i = 1, #entries, 2 do
  local c, e = string.match(entries[i + 1], '^(%d+)|(%d+)$')
  if tonumber(e) > now then held = held + tonumber(c) else redis.call('HDEL', KEYS[2], entries[i]) end
end
local n = #ARGV - 6
if held + bought + n > limit then return {'LIMIT', tostring(held + bought)} end
local exp = now + ttl
local seats = {}
for i = 7, #ARGV do redis.call('HSET', KEYS[1], ARGV[i], holdId .. '|' .. exp) seats[#seats + 1] = ARGV[i] end
redis.call('HSET', KEYS[2], holdId, n .. '|' .. exp)
redis.call('PEXPIRE', KEYS[2], ttl)
redis.call('HSET', KEYS[3], 'userId', userId, 'seatIds', table.concat(seats, ','), 'amount', ARGV[6], 'expiresAt', exp)
redis.call('PEXPIRE', KEYS[3], ttl)
redis.call('ZADD', KEYS[4], exp, holdId .. '|' .. table.concat(seats, ','))
return {'OK', tostring(exp)}`;

// KEYS: held, user, hold, open. ARGV: holdId, userId. Releases an open (not reserved) hold of its owner.
const RELEASE = `
local h = redis.call('HMGET', KEYS[3], 'userId', 'seatIds', 'reservationId')
if not h[1] or h[1] ~= ARGV[2] or h[3] then return 0 end
for seat in string.gmatch(h[2], '[^,]+') do
  local v = redis.call('HGET', KEYS[1], seat)
  if v and string.sub(v, 1, #ARGV[1] + 1) == ARGV[1] .. '|' then redis.call('HDEL', KEYS[1], seat) end
end
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('DEL', KEYS[3])
redis.call('ZREM', KEYS[4], ARGV[1] .. '|' .. h[2])
return 1`;

// KEYS: held, user, hold, open. ARGV: holdId, reservationId, untilMs. The hold became a reservation: its seats
// stay taken until the reservation's deadline, and it no longer counts as an open hold of the user
// (the reservation is counted from the database instead).
const RESERVE = `
local seats = redis.call('HGET', KEYS[3], 'seatIds')
if not seats then return 0 end
for seat in string.gmatch(seats, '[^,]+') do
  local v = redis.call('HGET', KEYS[1], seat)
  if v and string.sub(v, 1, #ARGV[1] + 1) == ARGV[1] .. '|' then redis.call('HSET', KEYS[1], seat, ARGV[1] .. '|' .. ARGV[3]) end
end
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HSET', KEYS[3], 'reservationId', ARGV[2])
redis.call('PEXPIREAT', KEYS[3], ARGV[3])
redis.call('ZREM', KEYS[4], ARGV[1] .. '|' .. seats)
return 1`;

// KEYS: held. ARGV: holdId, seatIds... Frees the seats still marked by this hold (or sold, on cancel).
const FREE = `
for i = 2, #ARGV do
  local v = redis.call('HGET', KEYS[1], ARGV[i])
  if v and (v == 'S' or string.sub(v, 1, #ARGV[1] + 1) == ARGV[1] .. '|') then redis.call('HDEL', KEYS[1], ARGV[i]) end
end
return 1`;

// KEYS: held, open. Removes holds whose time ran out (neither released nor reserved): their seat entries
// (still marked by the hold and lapsed) are deleted. Returns how many holds expired.
const SWEEP = `${NOW}
local due = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 500)
for _, member in ipairs(due) do
  local holdId, seats = string.match(member, '^([^|]+)|(.*)$')
  for seat in string.gmatch(seats, '[^,]+') do
    local v = redis.call('HGET', KEYS[1], seat)
    if v and string.sub(v, 1, #holdId + 1) == holdId .. '|' then
      local e = tonumber(string.match(v, '|(%d+)$'))
      if e and e <= now then redis.call('HDEL', KEYS[1], seat) end
    end
  end
  redis.call('ZREM', KEYS[2], member)
end
return {#due, redis.call('ZCARD', KEYS[2])}`;

// The ids of the live entries of KEYS[1] (the held hash), in `out`.
const LIVE_IDS = `local out = {}
local entries = redis.call('HGETALL', KEYS[1])
for i = 1, #entries, 2 do
  if live(entries[i + 1]) then out[#out + 1] = entries[i] end
end`;

// KEYS: held. Lists seats held, reserved or sold right now. Sold seats are listed too: the seat map
// reads SOLD from the database through a one-second cache, and a seat confirmed within that second
// must show HELD there, never AVAILABLE.
const HELD = `${NOW} ${LIVE} ${LIVE_IDS}
return out`;

// The same live ids as HELD, answered as heldSeatsDigest() of them: 40 bytes instead of every id.
const HELD_DIGEST = `${NOW} ${LIVE} ${LIVE_IDS}
table.sort(out)
return redis.sha1hex(table.concat(out, ','))`;

/**
 * A digest of a set of held seat ids: SHA-1 (hex) of the ids sorted and joined by commas, exactly
 * what HELD_DIGEST computes in Redis (uuids are ASCII, so both sorts agree). Equal sets, equal digests.
 */
export function heldSeatsDigest(ids: Iterable<string>): string {
  return createHash('sha1')
    .update([...ids].sort().join(','))
    .digest('hex');
}

// KEYS: held. ARGV: seatIds... Those of the seats held, reserved or sold right now, by the HOLD script's
// rule (LIVE): an entry past its expiry, not yet swept, is free. Reads only. Returns them in the
// order asked, and for each the milliseconds its entry has left (-1: sold, until a cancellation).
const TAKEN = `${NOW} ${LIVE}
local taken, left = {}, {}
local values = redis.call('HMGET', KEYS[1], unpack(ARGV))
for i = 1, #ARGV do
  if live(values[i]) then
    taken[#taken + 1] = ARGV[i]
    if values[i] == 'S' then left[#left + 1] = -1
    else left[#left + 1] = tonumber(string.match(values[i], '|(%d+)$')) - now end
  end
end
return {taken, left}`;

/**
 * How long a seat Redis called taken is refused by this instance without asking again: never past
 * the entry's own expiry (a hold or a reservation's deadline), so a seat whose hold lapses is free
 * here when it is free in Redis. A seat freed earlier (a hold released, a payment failed, a
 * cancellation) through this instance is forgotten at once; through another, this instance may
 * refuse it for up to this long, less than the seat map's own staleness.
 */
const TAKEN_MEMORY_MS = 1_000;
/** Showtimes with remembered seats past which the lapsed ones are dropped. */
const TAKEN_MEMORY_SHOWTIMES = 1_000;

/** One showtime's remembered seats: seat id → until when (performance.now()) it is refused here. */
interface TakenMemory {
  /** The latest `until` of any seat: past it, the whole entry has lapsed. */
  latest: number;
  seats: Map<string, number>;
}

export interface HoldRecord {
  id: string;
  showtimeId: string;
  userId: string;
  seatIds: string[];
  amount: number;
  expiresAt: Date;
  reservationId?: string;
}

/** What a hold is made with and keeps for its life. */
export type HoldFacts = Pick<HoldRecord, 'showtimeId' | 'userId' | 'seatIds' | 'amount'>;

export type HoldResult =
  | { ok: true; expiresAt: Date }
  | { ok: false; reason: 'TAKEN'; seatIds: string[] }
  | { ok: false; reason: 'LIMIT'; alreadyCounted: number };

/** Redis down on a request path is a 503 for the client, not a 500 (holds cannot be decided without it). */
async function orUnavailable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('SERVICE_UNAVAILABLE', 'Seat holds are unavailable right now; try again');
  }
}

const SWEEP_LIST = 'holds:showtimes';
/** Holds whose facts this instance keeps (`HoldRepository.madeHere`): about 30 MB at most. */
const HOLDS_MADE_HERE = 100_000;

// The hot-path scripts go by EVALSHA: their digest, not their text, crosses the wire on every attempt.
const HOLD_SCRIPT = new RedisScript(HOLD);
const TAKEN_SCRIPT = new RedisScript(TAKEN);

export class HoldRepository {
  /** Per showtime, the seats Redis lately answered taken (TAKEN_MEMORY_MS). */
  private readonly recentlyTaken = new Map<string, TakenMemory>();
  /**
   * The facts of each hold made here, until the hold's time is up: a hold's showtime, buyer, seats and
   * amount never change, so `find` reads a hold made on this instance in one round trip instead of two
   * (`holdref:` first), and a reservation may read the catalogue for its seats while Redis answers
   * whether the hold is still open (`factsOfHoldMadeHere`). In insertion order, which is expiry order
   * (one TTL for every hold): lapsed entries leave from the front as new ones come, and never more than
   * HOLDS_MADE_HERE are kept.
   */
  private readonly madeHere = new Map<string, HoldFacts & { until: number }>();

  constructor(private readonly redis: RedisClient) {}

  private keys(showtimeId: string, holdId: string, userId = '-'): string[] {
    const tag = `{st:${showtimeId}}`;
    return [`${tag}:held`, `${tag}:u:${userId}`, `${tag}:hold:${holdId}`, `${tag}:open`];
  }

  /** All seats or none, within the per-user limit (open holds here + `alreadyBought` from the database). */
  async hold(input: {
    showtimeId: string;
    holdId: string;
    userId: string;
    seatIds: string[];
    amount: number;
    ttlMs: number;
    limit: number;
    alreadyBought: number;
  }): Promise<HoldResult> {
    return orUnavailable(() => this.holdOnce(input));
  }

  private async holdOnce(input: Parameters<HoldRepository['hold']>[0]): Promise<HoldResult> {
    const args = [input.holdId, input.userId, input.ttlMs, input.limit, input.alreadyBought, input.amount];
    const res = (await HOLD_SCRIPT.run(this.redis, this.keys(input.showtimeId, input.holdId, input.userId), [
      ...args.map(String),
      ...input.seatIds,
    ])) as string[];
    if (res[0] === 'OK') {
      this.rememberHold(input, input.ttlMs);
      await Promise.all([
        this.redis.set(`holdref:${input.holdId}`, input.showtimeId, 'PX', input.ttlMs),
        this.redis.sadd(SWEEP_LIST, input.showtimeId),
      ]);
      return { ok: true, expiresAt: new Date(Number(res[1])) };
    }
    if (res[0] === 'TAKEN') return { ok: false, reason: 'TAKEN', seatIds: res.slice(1) };
    return { ok: false, reason: 'LIMIT', alreadyCounted: Number(res[1]) };
  }

  /**
   * By the hold id alone, straight from Redis (no database on the checkout path): the id's canonical
   * spelling, enforced by every route's schema, is what makes `holdref:<id>` the one key of a hold.
   */
  async find(holdId: string): Promise<HoldRecord | undefined> {
    return orUnavailable(() => this.findOnce(holdId));
  }

  private async findOnce(holdId: string): Promise<HoldRecord | undefined> {
    // The hold's hash lives exactly as long as its `holdref:` (both set with the hold's TTL, both moved
    // to the reservation's deadline, both deleted on release): with the showtime known, the hash alone
    // says whether the hold exists.
    const showtimeId = this.madeHere.get(holdId)?.showtimeId ?? (await this.redis.get(`holdref:${holdId}`));
    if (!showtimeId) return undefined;
    const h = await this.redis.hgetall(this.keys(showtimeId, holdId)[2]!);
    if (!h.userId || !h.seatIds || !h.expiresAt) return undefined;
    return {
      id: holdId,
      showtimeId,
      userId: h.userId,
      seatIds: h.seatIds.split(','),
      amount: Number(h.amount),
      expiresAt: new Date(Number(h.expiresAt)),
      reservationId: h.reservationId,
    };
  }

  /**
   * What a hold made on this instance was made with, while its time lasts; undefined for a hold made
   * elsewhere or lapsed. Says nothing about whether the hold is still open (released, reserved): that
   * is `find`'s, from Redis.
   */
  factsOfHoldMadeHere(holdId: string): HoldFacts | undefined {
    const facts = this.madeHere.get(holdId);
    return facts !== undefined && facts.until > Date.now() ? facts : undefined;
  }

  private rememberHold(hold: HoldFacts & { holdId: string }, ttlMs: number): void {
    const now = Date.now();
    for (const [id, facts] of this.madeHere) {
      if (facts.until > now && this.madeHere.size < HOLDS_MADE_HERE) break;
      this.madeHere.delete(id);
    }
    const { showtimeId, userId, seatIds, amount } = hold;
    this.madeHere.set(hold.holdId, { showtimeId, userId, seatIds, amount, until: now + ttlMs });
  }

  /** Releases the caller's open hold; false when there is none (unknown, expired, another's, reserved). */
  async release(holdId: string, userId: string): Promise<boolean> {
    return orUnavailable(() => this.releaseOnce(holdId, userId));
  }

  private async releaseOnce(holdId: string, userId: string): Promise<boolean> {
    const showtimeId = await this.redis.get(`holdref:${holdId}`);
    if (!showtimeId) return false;
    this.recentlyTaken.delete(showtimeId);
    const done = (await this.redis.eval(
      RELEASE,
      4,
      ...this.keys(showtimeId, holdId, userId),
      holdId,
      userId,
    )) as number;
    this.recentlyTaken.delete(showtimeId);
    if (done === 1) await this.redis.del(`holdref:${holdId}`);
    return done === 1;
  }

  async markReserved(hold: HoldRecord, reservationId: string, until: Date): Promise<void> {
    // Independent of each other (the holdref may live on another node of a cluster): sent together,
    // one round trip.
    await Promise.all([
      this.redis.eval(
        RESERVE,
        4,
        ...this.keys(hold.showtimeId, hold.id, hold.userId),
        hold.id,
        reservationId,
        String(until.getTime()),
      ),
      this.redis.pexpireat(`holdref:${hold.id}`, until.getTime()),
    ]);
  }

  /** Seats of a confirmed reservation: taken for good (until a cancellation frees them). */
  async markSold(showtimeId: string, seatIds: string[]): Promise<void> {
    if (seatIds.length === 0) return;
    const flat = seatIds.flatMap((id) => [id, 'S']);
    await this.redis.hset(this.keys(showtimeId, '-')[0]!, ...flat);
  }

  /** Frees seats after a failure, expiry or cancellation; only those still marked by this hold or sold. */
  async free(showtimeId: string, holdId: string, seatIds: string[]): Promise<void> {
    // Before, for the attempts made while the seats are freed; after, for an answer read before the free.
    this.recentlyTaken.delete(showtimeId);
    await this.redis.eval(FREE, 1, this.keys(showtimeId, holdId)[0]!, holdId, ...seatIds);
    this.recentlyTaken.delete(showtimeId);
  }

  /** Sweeps lapsed holds of every showtime with open holds; returns how many expired. */
  async sweepExpired(): Promise<number> {
    let expired = 0;
    for (const showtimeId of await this.redis.smembers(SWEEP_LIST)) {
      const [held, , , open] = this.keys(showtimeId, '-');
      const [swept, left] = (await this.redis.eval(SWEEP, 2, held!, open!)) as [number, number];
      expired += swept;
      // A hold made right after this SREM adds the showtime back itself.
      if (left === 0) await this.redis.srem(SWEEP_LIST, showtimeId);
    }
    return expired;
  }

  /**
   * Of `seatIds`, those held, reserved or sold right now, in the order asked: the seats the hold
   * script would refuse at this moment. A hold refuses them without reading the database. When every
   * one of them was answered taken within TAKEN_MEMORY_MS (and its hold has not lapsed since), the
   * answer comes from this instance without asking Redis: during an onsale most attempts are on
   * seats someone else holds or bought a moment ago.
   */
  async takenSeatIds(showtimeId: string, seatIds: string[]): Promise<string[]> {
    if (seatIds.length === 0) return [];
    if (this.rememberedTaken(showtimeId, seatIds)) return seatIds;
    const sentAt = performance.now();
    const [taken, left] = await orUnavailable(
      async () =>
        (await TAKEN_SCRIPT.run(this.redis, [this.keys(showtimeId, '-')[0]!], seatIds)) as [
          string[],
          number[],
        ],
    );
    if (taken.length > 0) this.remember(showtimeId, taken, left, sentAt);
    return taken;
  }

  /**
   * Every one of `seatIds` was answered taken by Redis within TAKEN_MEMORY_MS (and its entry has not
   * lapsed since): takenSeatIds() would answer them all without asking Redis. Synchronous, for the
   * refusals decided before the hold limit counts (HoldService.refusalFromMemory).
   */
  rememberedTaken(showtimeId: string, seatIds: readonly string[]): boolean {
    // Any seat not remembered, and every seat once its memory lapses, asks Redis.
    const known = this.recentlyTaken.get(showtimeId);
    if (known === undefined || seatIds.length === 0) return false;
    const now = performance.now();
    if (known.latest <= now) return false;
    for (const id of seatIds) if ((known.seats.get(id) ?? 0) <= now) return false;
    return true;
  }

  /** Some seat of the showtime is remembered taken now (rememberedTaken() may answer true). */
  remembersAny(showtimeId: string): boolean {
    const known = this.recentlyTaken.get(showtimeId);
    return known !== undefined && known.latest > performance.now();
  }

  /** Remembers seats Redis answered taken at `sentAt` or later, each until its memory or its entry ends. */
  private remember(showtimeId: string, seatIds: string[], left: number[], sentAt: number): void {
    let known = this.recentlyTaken.get(showtimeId);
    // A showtime whose every seat has lapsed starts afresh (its lapsed seats are dropped with it).
    if (known === undefined || known.latest <= sentAt) {
      if (this.recentlyTaken.size >= TAKEN_MEMORY_SHOWTIMES) {
        for (const [id, entry] of this.recentlyTaken)
          if (entry.latest <= sentAt) this.recentlyTaken.delete(id);
      }
      known = { latest: 0, seats: new Map() };
      this.recentlyTaken.set(showtimeId, known);
    }
    seatIds.forEach((id, i) => {
      const ms = left[i]!;
      const until = sentAt + (ms < 0 ? TAKEN_MEMORY_MS : Math.min(ms, TAKEN_MEMORY_MS));
      known.seats.set(id, until);
      if (until > known.latest) known.latest = until;
    });
  }

  /** Seats held, reserved or sold right now (for the seat map: not AVAILABLE). */
  async heldSeatIds(showtimeId: string): Promise<Set<string>> {
    const ids = (await this.redis.eval(HELD, 1, this.keys(showtimeId, '-')[0]!)) as string[];
    return new Set(ids);
  }

  /** heldSeatsDigest() of heldSeatIds(), computed by Redis: a conditional seat-map read needs no ids. */
  async heldDigest(showtimeId: string): Promise<string> {
    return (await this.redis.eval(HELD_DIGEST, 1, this.keys(showtimeId, '-')[0]!)) as string;
  }
}
