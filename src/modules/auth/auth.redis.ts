import type { RedisClient } from '../../infra/redis.ts';

/** A new code replaces the old one (attempts reset) unless a code was sent less than a throttle ago. */
const ISSUE = `
local ttl = redis.call('PTTL', KEYS[2])
if ttl > 0 then return ttl end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'code', ARGV[1], 'attempts', 0)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
return 0`;

/**
 * Checks a code atomically, so parallel guesses cannot exceed the attempt budget.
 * Returns 1 = right (the code is consumed), 0 = wrong, -1 = no live code, -2 = locked.
 */
const CHECK = `
local code = redis.call('HGET', KEYS[1], 'code')
if not code then return {-1, 0} end
local attempts = tonumber(redis.call('HGET', KEYS[1], 'attempts'))
local max = tonumber(ARGV[2])
if attempts >= max then return {-2, 0} end
if code == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return {1, 0}
end
attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
if attempts >= max then return {-2, 0} end
return {0, max - attempts}`;

/** Counts login attempts per email within a window; returns the count and the window's remaining ms. */
const ATTEMPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

export type CodeCheck =
  { result: 'ok' } | { result: 'wrong'; attemptsLeft: number } | { result: 'missing' } | { result: 'locked' };

/**
 * Redis state of the auth module: pending email-verification codes (stored as HMACs, never in
 * clear) and failed-login counters. Keys of one email share the hash tag `{em:<email>}`.
 */
export class AuthRedis {
  constructor(private readonly redis: RedisClient) {}

  private codeKey(email: string): string {
    return `{em:${email}}:code`;
  }
  private throttleKey(email: string): string {
    return `{em:${email}}:resend`;
  }
  private loginKey(email: string): string {
    return `{em:${email}}:login-failures`;
  }

  /** Stores a code digest; returns 0, or the milliseconds to wait when the resend is throttled. */
  async issueCode(email: string, codeDigest: string, ttlMs: number, resendAfterMs: number): Promise<number> {
    const waitMs = await this.redis.eval(
      ISSUE,
      2,
      this.codeKey(email),
      this.throttleKey(email),
      codeDigest,
      String(ttlMs),
      String(resendAfterMs),
    );
    return Number(waitMs);
  }

  /** Lifts the resend throttle, e.g. when the mail could not be sent and the user must retry. */
  async releaseResend(email: string): Promise<void> {
    await this.redis.del(this.throttleKey(email));
  }

  async checkCode(email: string, codeDigest: string, maxAttempts: number): Promise<CodeCheck> {
    const [status, left] = (await this.redis.eval(
      CHECK,
      1,
      this.codeKey(email),
      codeDigest,
      String(maxAttempts),
    )) as [number, number];
    if (status === 1) return { result: 'ok' };
    if (status === -1) return { result: 'missing' };
    if (status === -2) return { result: 'locked' };
    return { result: 'wrong', attemptsLeft: left };
  }

  /**
   * Counts one login attempt before the password is checked, so parallel guesses cannot slip past
   * the limit; a successful login clears the count, so only failures accumulate.
   */
  async countLoginAttempt(email: string, windowMs: number): Promise<{ count: number; resetMs: number }> {
    const [count, ttl] = (await this.redis.eval(ATTEMPT, 1, this.loginKey(email), String(windowMs))) as [
      number,
      number,
    ];
    return { count, resetMs: Math.max(ttl, 0) };
  }

  async clearLoginFailures(email: string): Promise<void> {
    await this.redis.del(this.loginKey(email));
  }
}
