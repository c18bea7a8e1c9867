import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../../infra/clock.ts';
import type { RedisClient } from '../../infra/redis.ts';

/**
 * The Redis side of first-come issuance. Every key of one coupon carries the hash tag `{cp:<id>}`:
 *   state  hash  stock, remaining, start, end (epoch ms), epoch (random id of the rebuild that wrote
 *                it), k (shard count), cursor, and s0…s(k-1): remaining per stock shard
 *   users  hash  user id → the shard their copy is counted in
 *   lock   str   short lease taken while the state is rebuilt from PostgreSQL
 * PostgreSQL is the truth; these keys are a fast gate that may be lost and rebuilt at any time.
 * Every script keeps remaining = Σ s_i and remaining + |users| = stock.
 */

export type TryIssueResult =
  | { kind: 'WON'; epoch: string; shard: number }
  | { kind: 'MISSING' | 'NOT_ISSUABLE' | 'ALREADY_ISSUED' | 'SOLD_OUT' };

export interface StockSnapshot {
  stock: number;
  issueStartsAt: Date;
  issueEndsAt: Date;
  /** Remaining room per shard, index = shard. */
  shardRemaining: number[];
  /** [userId, shard] of every copy issued. */
  holders: [string, number][];
}

// A users hash created by HSET expires with its state hash.
const KEEP_LIKE = `
local function keepLike(key, model)
  local ttl = redis.call('PTTL', model)
  if ttl > 0 then redis.call('PEXPIRE', key, ttl) end
end
`;

// Window, per-user uniqueness and stock in one atomic step, then a shard with room (round robin).
// "Now" (ARGV[2], epoch ms) is the caller's injected clock, as for every other service: API instances
// keep their clocks in sync (NTP), so they judge the window alike to within milliseconds, and a test
// can step past the window's end without sleeping. A shard may be briefly negative after a rebuild
// raced with in-flight winners (see ENSURE); it is then skipped.
const TRY_ISSUE = `${KEEP_LIKE}
if redis.call('EXISTS', KEYS[1]) == 0 then return {'MISSING'} end
local s = redis.call('HMGET', KEYS[1], 'start', 'end', 'remaining', 'epoch', 'stock', 'k')
local remaining = tonumber(s[3])
if remaining + redis.call('HLEN', KEYS[2]) ~= tonumber(s[5]) then
  -- The users hash was lost on its own: rebuild everything from PostgreSQL.
  redis.call('DEL', KEYS[1])
  return {'MISSING'}
end
local now = tonumber(ARGV[2])
if now < tonumber(s[1]) or now >= tonumber(s[2]) then return {'NOT_ISSUABLE'} end
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return {'ALREADY_ISSUED'} end
if remaining <= 0 then return {'SOLD_OUT'} end
local k = tonumber(s[6])
local cursor = redis.call('HINCRBY', KEYS[1], 'cursor', 1)
for i = 0, k - 1 do
  local shard = (cursor + i) % k
  if tonumber(redis.call('HGET', KEYS[1], 's' .. shard)) > 0 then
    redis.call('HINCRBY', KEYS[1], 's' .. shard, -1)
    redis.call('HINCRBY', KEYS[1], 'remaining', -1)
    redis.call('HSET', KEYS[2], ARGV[1], shard)
    if redis.call('HLEN', KEYS[2]) == 1 then keepLike(KEYS[2], KEYS[1]) end
    return {'WON', s[4], tostring(shard)}
  end
end
return {'SOLD_OUT'}
`;

// Undo a win whose database write failed, but only in the state that counted it and only if the user
// is still counted in that shard: a state rebuilt since came from PostgreSQL, which never saw this
// winner, and an ENSURE may have moved the user to the shard of a copy that did commit.
const COMPENSATE = `
if redis.call('HGET', KEYS[1], 'epoch') ~= ARGV[2] then return 0 end
if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[3] then return 0 end
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HINCRBY', KEYS[1], 's' .. ARGV[3], 1)
redis.call('HINCRBY', KEYS[1], 'remaining', 1)
return 1
`;

// After a winner committed in shard ARGV[2]: make the current state count that copy there. A no-op
// in the same state; after a rebuild whose snapshot predates the commit it takes the place the
// snapshot missed, or moves the user's count from the shard of a later attempt (which will fail on
// the unique constraint and leaves Redis alone).
const ENSURE = `${KEEP_LIKE}
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local current = redis.call('HGET', KEYS[2], ARGV[1])
if current == ARGV[2] then return 0 end
if current then
  redis.call('HINCRBY', KEYS[1], 's' .. current, 1)
else
  redis.call('HINCRBY', KEYS[1], 'remaining', -1)
end
redis.call('HINCRBY', KEYS[1], 's' .. ARGV[2], -1)
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
if redis.call('HLEN', KEYS[2]) == 1 then keepLike(KEYS[2], KEYS[1]) end
return 1
`;

// Write a rebuilt state atomically, only while holding the lock and only if nobody wrote one since.
// The state hash is the last thing written, in the same script, so no issuer sees a half-built hash.
// ARGV: token, stock, remaining, start, end, epoch, expireAt, k, s0…s(k-1), then user/shard pairs.
const REBUILD = `
if redis.call('GET', KEYS[3]) ~= ARGV[1] then return 'LOST_LOCK' end
if redis.call('EXISTS', KEYS[1]) == 1 then return 'EXISTS' end
redis.call('DEL', KEYS[2])
local k = tonumber(ARGV[8])
local first = 9 + k
local n = #ARGV
for i = first, n, 5000 do
  redis.call('HSET', KEYS[2], unpack(ARGV, i, math.min(i + 4999, n)))
end
redis.call('HSET', KEYS[1], 'stock', ARGV[2], 'remaining', ARGV[3], 'start', ARGV[4], 'end', ARGV[5],
  'epoch', ARGV[6], 'k', ARGV[8], 'cursor', 0)
for i = 0, k - 1 do redis.call('HSET', KEYS[1], 's' .. i, ARGV[9 + i]) end
redis.call('PEXPIREAT', KEYS[1], ARGV[7])
if n >= first then redis.call('PEXPIREAT', KEYS[2], ARGV[7]) end
return 'OK'
`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

type Scripted = RedisClient & {
  couponTryIssue(state: string, users: string, userId: string, nowMs: string): Promise<string[]>;
  couponCompensate(
    state: string,
    users: string,
    userId: string,
    epoch: string,
    shard: string,
  ): Promise<number>;
  couponEnsure(state: string, users: string, userId: string, shard: string): Promise<number>;
  couponRebuild(state: string, users: string, lock: string, ...args: string[]): Promise<string>;
  couponRelease(lock: string, token: string): Promise<number>;
};

/** Keys outlive the issue window by a day, then Redis drops them by itself. */
const KEEP_AFTER_WINDOW_MS = 86_400_000;

export class CouponStock {
  private readonly redis: Scripted;

  constructor(
    redis: RedisClient,
    private readonly clock: Clock = systemClock,
  ) {
    redis.defineCommand('couponTryIssue', { numberOfKeys: 2, lua: TRY_ISSUE });
    redis.defineCommand('couponCompensate', { numberOfKeys: 2, lua: COMPENSATE });
    redis.defineCommand('couponEnsure', { numberOfKeys: 2, lua: ENSURE });
    redis.defineCommand('couponRebuild', { numberOfKeys: 3, lua: REBUILD });
    redis.defineCommand('couponRelease', { numberOfKeys: 1, lua: RELEASE });
    this.redis = redis as Scripted;
  }

  static keys(couponId: string): { state: string; users: string; lock: string } {
    const tag = `{cp:${couponId}}`;
    return { state: `coupon:${tag}:state`, users: `coupon:${tag}:users`, lock: `coupon:${tag}:rebuild` };
  }

  async tryIssue(couponId: string, userId: string): Promise<TryIssueResult> {
    const k = CouponStock.keys(couponId);
    const [kind, epoch, shard] = await this.redis.couponTryIssue(
      k.state,
      k.users,
      userId,
      String(this.clock.nowMs()),
    );
    if (kind === 'WON') return { kind, epoch: epoch!, shard: Number(shard) };
    return { kind: kind as 'MISSING' | 'NOT_ISSUABLE' | 'ALREADY_ISSUED' | 'SOLD_OUT' };
  }

  async compensate(couponId: string, userId: string, epoch: string, shard: number): Promise<void> {
    const k = CouponStock.keys(couponId);
    await this.redis.couponCompensate(k.state, k.users, userId, epoch, String(shard));
  }

  /** False when the state is missing (the caller rebuilds, then calls again). */
  async ensureCounted(couponId: string, userId: string, shard: number): Promise<boolean> {
    const k = CouponStock.keys(couponId);
    return (await this.redis.couponEnsure(k.state, k.users, userId, String(shard))) >= 0;
  }

  /** Takes the rebuild lease; returns its token, or undefined when another process holds it. */
  async lockRebuild(couponId: string, leaseMs: number): Promise<string | undefined> {
    const token = randomUUID();
    const ok = await this.redis.set(CouponStock.keys(couponId).lock, token, 'PX', leaseMs, 'NX');
    return ok === 'OK' ? token : undefined;
  }

  async unlockRebuild(couponId: string, token: string): Promise<void> {
    await this.redis.couponRelease(CouponStock.keys(couponId).lock, token);
  }

  async exists(couponId: string): Promise<boolean> {
    return (await this.redis.exists(CouponStock.keys(couponId).state)) === 1;
  }

  /** Writes the state from a database snapshot; 'OK', or why it did not (someone else won). */
  async writeSnapshot(couponId: string, token: string, snap: StockSnapshot): Promise<string> {
    const k = CouponStock.keys(couponId);
    // PEXPIREAT runs on Redis's wall clock, so the key's lifetime also counts from the real time.
    const expireAt =
      Math.max(snap.issueEndsAt.getTime(), this.clock.nowMs(), Date.now()) + KEEP_AFTER_WINDOW_MS;
    return this.redis.couponRebuild(
      k.state,
      k.users,
      k.lock,
      token,
      String(snap.stock),
      String(snap.shardRemaining.reduce((a, b) => a + b, 0)),
      String(snap.issueStartsAt.getTime()),
      String(snap.issueEndsAt.getTime()),
      randomUUID(),
      String(expireAt),
      String(snap.shardRemaining.length),
      ...snap.shardRemaining.map(String),
      ...snap.holders.flatMap(([userId, shard]) => [userId, String(shard)]),
    );
  }

  /**
   * After an admin edit committed (stock, window): drops the state so the next request rebuilds it
   * from PostgreSQL. A rebuild that read its snapshot before the commit holds the lease until it has
   * written, so the state is dropped again once no lease is held: whatever stays was read after the
   * commit. Real time: this waits on another process's lease (5 s at most).
   */
  async invalidate(couponId: string): Promise<void> {
    const k = CouponStock.keys(couponId);
    await this.redis.del(k.state);
    const deadline = Date.now() + 6_000;
    while ((await this.redis.exists(k.lock)) === 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await this.redis.del(k.state);
  }

  /** Remaining stock per coupon, or undefined where the state is missing. */
  async remaining(couponIds: string[]): Promise<(number | undefined)[]> {
    // One command per coupon: each lives in its own slot, so this also works on Redis Cluster.
    const values = await Promise.all(
      couponIds.map((id) => this.redis.hget(CouponStock.keys(id).state, 'remaining')),
    );
    return values.map((v) => (v === null ? undefined : Math.max(0, Number(v))));
  }
}
