import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../../infra/redis.ts';

/**
 * The Redis side of first-come issuance. Every key of one coupon carries the hash tag `{cp:<id>}`:
 *   state  hash  stock, remaining, start, end (epoch ms), epoch (random id of the rebuild that wrote it)
 *   users  set   user ids that hold the coupon
 *   lock   str   short lease taken while the state is rebuilt from PostgreSQL
 * PostgreSQL is the truth; these keys are a fast gate that may be lost and rebuilt at any time.
 */

export type TryIssueResult =
  | { kind: 'WON'; epoch: string; remaining: number }
  | { kind: 'MISSING' | 'NOT_ISSUABLE' | 'ALREADY_ISSUED' | 'SOLD_OUT' };

export interface StockSnapshot {
  stock: number;
  issued: number;
  issueStartsAt: Date;
  issueEndsAt: Date;
  userIds: string[];
}

// A users set created by SADD expires with its state hash.
const KEEP_LIKE = `
local function keepLike(key, model)
  local ttl = redis.call('PTTL', model)
  if ttl > 0 then redis.call('PEXPIRE', key, ttl) end
end
`;

// Window, per-user uniqueness and stock in one atomic step. Time is Redis's own clock, so every
// API instance judges the window alike. `remaining` may be briefly negative after a rebuild raced
// with in-flight winners (see ENSURE); it still reads as sold out.
const TRY_ISSUE = `${KEEP_LIKE}
if redis.call('EXISTS', KEYS[1]) == 0 then return {'MISSING'} end
local s = redis.call('HMGET', KEYS[1], 'start', 'end', 'remaining', 'epoch', 'stock')
-- Every script keeps remaining + |users| = stock; a lost users set breaks it: rebuild.
if tonumber(s[3]) + redis.call('SCARD', KEYS[2]) ~= tonumber(s[5]) then
  redis.call('DEL', KEYS[1])
  return {'MISSING'}
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if now < tonumber(s[1]) or now >= tonumber(s[2]) then return {'NOT_ISSUABLE'} end
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return {'ALREADY_ISSUED'} end
local remaining = tonumber(s[3])
if remaining <= 0 then return {'SOLD_OUT'} end
redis.call('HINCRBY', KEYS[1], 'remaining', -1)
redis.call('SADD', KEYS[2], ARGV[1])
if redis.call('SCARD', KEYS[2]) == 1 then keepLike(KEYS[2], KEYS[1]) end
return {'WON', s[4], tostring(remaining - 1)}
`;

// Undo a win whose database write failed, but only in the state that counted it: a state rebuilt
// since then came from PostgreSQL, which never saw this winner, so it owes nothing back.
const COMPENSATE = `
if redis.call('HGET', KEYS[1], 'epoch') ~= ARGV[2] then return 0 end
if redis.call('SREM', KEYS[2], ARGV[1]) == 1 then redis.call('HINCRBY', KEYS[1], 'remaining', 1) end
return 1
`;

// After a winner committed: make sure the current state counts it. A no-op in the same state; after a
// rebuild whose snapshot predates the commit, it adds the user and takes the slot the snapshot missed.
const ENSURE = `${KEEP_LIKE}
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('SADD', KEYS[2], ARGV[1]) == 0 then return 0 end
redis.call('HINCRBY', KEYS[1], 'remaining', -1)
if redis.call('SCARD', KEYS[2]) == 1 then keepLike(KEYS[2], KEYS[1]) end
return 1
`;

// Write a rebuilt state atomically, only while holding the lock and only if nobody wrote one since.
// The state hash is the last thing written, in the same script, so no issuer sees a half-built set.
const REBUILD = `
if redis.call('GET', KEYS[3]) ~= ARGV[1] then return 'LOST_LOCK' end
if redis.call('EXISTS', KEYS[1]) == 1 then return 'EXISTS' end
redis.call('DEL', KEYS[2])
local n = #ARGV
for i = 8, n, 5000 do
  redis.call('SADD', KEYS[2], unpack(ARGV, i, math.min(i + 4999, n)))
end
redis.call('HSET', KEYS[1], 'stock', ARGV[2], 'remaining', ARGV[3], 'start', ARGV[4], 'end', ARGV[5], 'epoch', ARGV[6])
redis.call('PEXPIREAT', KEYS[1], ARGV[7])
if n >= 8 then redis.call('PEXPIREAT', KEYS[2], ARGV[7]) end
return 'OK'
`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

type Scripted = RedisClient & {
  couponTryIssue(state: string, users: string, userId: string): Promise<string[]>;
  couponCompensate(state: string, users: string, userId: string, epoch: string): Promise<number>;
  couponEnsure(state: string, users: string, userId: string): Promise<number>;
  couponRebuild(state: string, users: string, lock: string, ...args: string[]): Promise<string>;
  couponRelease(lock: string, token: string): Promise<number>;
};

/** Keys outlive the issue window by a day, then Redis drops them by itself. */
const KEEP_AFTER_WINDOW_MS = 86_400_000;

export class CouponStock {
  private readonly redis: Scripted;

  constructor(redis: RedisClient) {
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
    const [kind, epoch, remaining] = await this.redis.couponTryIssue(k.state, k.users, userId);
    if (kind === 'WON') return { kind, epoch: epoch!, remaining: Number(remaining) };
    return { kind: kind as 'MISSING' | 'NOT_ISSUABLE' | 'ALREADY_ISSUED' | 'SOLD_OUT' };
  }

  async compensate(couponId: string, userId: string, epoch: string): Promise<void> {
    const k = CouponStock.keys(couponId);
    await this.redis.couponCompensate(k.state, k.users, userId, epoch);
  }

  /** False when the state is missing (the caller rebuilds, then calls again). */
  async ensureCounted(couponId: string, userId: string): Promise<boolean> {
    const k = CouponStock.keys(couponId);
    return (await this.redis.couponEnsure(k.state, k.users, userId)) >= 0;
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
    const expireAt = Math.max(snap.issueEndsAt.getTime(), Date.now()) + KEEP_AFTER_WINDOW_MS;
    return this.redis.couponRebuild(
      k.state,
      k.users,
      k.lock,
      token,
      String(snap.stock),
      String(snap.stock - snap.issued),
      String(snap.issueStartsAt.getTime()),
      String(snap.issueEndsAt.getTime()),
      randomUUID(),
      String(expireAt),
      ...snap.userIds,
    );
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
