import type { RedisClient } from '../../infra/redis.ts';

// KEYS: counter. ARGV: limit, ttl seconds. The count after taking one, or -1 when the limit is reached
// (nothing taken).
const TAKE_ONE = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n >= tonumber(ARGV[1]) then return -1 end
n = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
return n`;

// KEYS: counter. ARGV: budget, amount, ttl seconds. Reserves `amount` while the minute's total is under
// the budget (a first request of a minute always passes, so one large question is never locked out);
// returns the total, or -1 when the budget is spent.
const RESERVE = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used > 0 and used + tonumber(ARGV[2]) > tonumber(ARGV[1]) then return -1 end
used = redis.call('INCRBY', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return used`;

const KST_OFFSET_MS = 9 * 3_600_000;

/** The Korean calendar day of an instant, and the milliseconds until it ends. */
export function kstDayOf(ms: number): { day: string; msLeft: number } {
  const shifted = ms + KST_OFFSET_MS;
  const day = new Date(shifted).toISOString().slice(0, 10);
  const msLeft = 86_400_000 - (shifted % 86_400_000);
  return { day, msLeft };
}

/**
 * The assistant's two limits, both in Redis so they hold across API instances: questions per user per
 * Korean calendar day, and model tokens per minute for the whole service. Each key is touched by one
 * single-key script (runs unchanged on Redis Cluster). The minute and the day come from the injected
 * clock; the keys expire by Redis's own clock a little after their period.
 */
export class AssistantLimits {
  constructor(
    private readonly redis: RedisClient,
    private readonly caps: { dailyMessages: number; tokensPerMinute: number },
  ) {}

  /** Takes one of the user's questions for today, or answers how long until the next day. */
  async takeDaily(
    userId: string,
    nowMs: number,
  ): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
    const { day, msLeft } = kstDayOf(nowMs);
    const n = Number(
      await this.redis.eval(TAKE_ONE, 1, this.dailyKey(userId, day), this.caps.dailyMessages, 2 * 86_400),
    );
    if (n < 0) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
    return { ok: true };
  }

  /** Gives a question back (the model server failed before answering: the user should not pay for it). */
  async giveBackDaily(userId: string, nowMs: number): Promise<void> {
    const key = this.dailyKey(userId, kstDayOf(nowMs).day);
    await this.redis.decr(key);
  }

  /** Questions left to this user today. */
  async dailyLeft(userId: string, nowMs: number): Promise<number> {
    const used = Number((await this.redis.get(this.dailyKey(userId, kstDayOf(nowMs).day))) ?? 0);
    return Math.max(0, this.caps.dailyMessages - used);
  }

  /** Reserves an estimate of tokens in this minute's budget, or answers when the next minute starts. */
  async reserveTokens(
    amount: number,
    nowMs: number,
  ): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
    const minute = Math.floor(nowMs / 60_000);
    const used = Number(
      await this.redis.eval(
        RESERVE,
        1,
        this.minuteKey(minute),
        this.caps.tokensPerMinute,
        Math.max(0, Math.ceil(amount)),
        120,
      ),
    );
    if (used < 0)
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((60_000 - (nowMs % 60_000)) / 1000)) };
    return { ok: true };
  }

  /** Corrects a reservation by what the model server reported (positive or negative). */
  async adjustTokens(delta: number, nowMs: number): Promise<void> {
    if (!Number.isFinite(delta) || delta === 0) return;
    const key = this.minuteKey(Math.floor(nowMs / 60_000));
    await this.redis.multi().incrby(key, Math.round(delta)).expire(key, 120).exec();
  }

  private dailyKey(userId: string, day: string): string {
    return `as:d:${userId}:${day}`;
  }

  private minuteKey(minute: number): string {
    return `as:tpm:${minute}`;
  }
}
