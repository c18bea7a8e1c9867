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

/**
 * The login gate, one atomic step per attempt (parallel guesses cannot slip past it).
 * KEYS: 1 = attempts of this (account, address), 2 = the account's state {n, until}, 3 = "this address
 * signed in to the account recently". ARGV: now ms, pair max, pair window ms, threshold, base delay ms,
 * cap ms, account window ms.
 * 1. The (account, address) pair has its own attempt budget, known address or not.
 * 2. Every attempt counts on the account (n). From threshold on, an address not known for the account
 *    is refused until `until`, and each attempt from such an address, refused or not, pushes `until` to
 *    now + base × 2^(n − threshold), capped: an attacker keeps the gate shut for new addresses only.
 *    A known address is exempt from that delay. An attempt refused by the delay gives its pair
 *    attempt back: the owner trying from a new network does not spend that network's budget waiting.
 * Returns {0, 0} = go ahead, {1, ms} = pair limit, {2, ms} = account delay.
 */
const LOGIN_GATE = `
local now = tonumber(ARGV[1])
local pair = redis.call('INCR', KEYS[1])
if pair == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
if pair > tonumber(ARGV[2]) then return {1, redis.call('PTTL', KEYS[1])} end
local known = redis.call('EXISTS', KEYS[3]) == 1
local blocked = tonumber(redis.call('HGET', KEYS[2], 'until') or '0')
local n = redis.call('HINCRBY', KEYS[2], 'n', 1)
redis.call('PEXPIRE', KEYS[2], ARGV[7])
if known then return {0, 0} end
local threshold = tonumber(ARGV[4])
if n >= threshold then
  local delay = math.min(tonumber(ARGV[5]) * 2 ^ (n - threshold), tonumber(ARGV[6]))
  redis.call('HSET', KEYS[2], 'until', now + delay)
  if now < blocked then
    redis.call('DECR', KEYS[1])
    return {2, delay}
  end
end
return {0, 0}`;

/** After a successful login: the pair starts afresh, the attempt leaves the account count, the address is known. */
const LOGIN_OK = `
redis.call('DEL', KEYS[1])
if tonumber(redis.call('HGET', KEYS[2], 'n') or '0') > 0 then redis.call('HINCRBY', KEYS[2], 'n', -1) end
redis.call('SET', KEYS[3], '1', 'PX', ARGV[1])
return 1`;

/** Counts one request in a fixed window; returns the count. */
const COUNT_IN_WINDOW = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

export type LoginGate = { result: 'go' } | { result: 'pair-limited' | 'account-delayed'; retryMs: number };

export interface LoginThrottlePolicy {
  attemptsPerAddress: number;
  addressWindowMs: number;
  accountThreshold: number;
  accountBaseDelayMs: number;
  accountMaxDelayMs: number;
  accountWindowMs: number;
  knownAddressMs: number;
}

export type CodeCheck =
  { result: 'ok' } | { result: 'wrong'; attemptsLeft: number } | { result: 'missing' } | { result: 'locked' };

/**
 * Redis state of the auth module: pending email-verification codes (stored as HMACs, never in
 * clear) and the login throttle. Keys of one email share the hash tag `{em:<email>}`.
 */
export class AuthRedis {
  constructor(private readonly redis: RedisClient) {}

  private codeKey(email: string): string {
    return `{em:${email}}:code`;
  }
  private throttleKey(email: string): string {
    return `{em:${email}}:resend`;
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

  private loginKeys(email: string, address: string): string[] {
    return [`{em:${email}}:login:${address}`, `{em:${email}}:login`, `{em:${email}}:known:${address}`];
  }

  /**
   * Counts one login attempt before the password is checked (see LOGIN_GATE). `address` is the
   * client's address bucket. An attempt refused by the account delay does not use up the pair budget.
   */
  async loginGate(email: string, address: string, p: LoginThrottlePolicy): Promise<LoginGate> {
    const [status, ms] = (await this.redis.eval(
      LOGIN_GATE,
      3,
      ...this.loginKeys(email, address),
      String(Date.now()),
      String(p.attemptsPerAddress),
      String(p.addressWindowMs),
      String(p.accountThreshold),
      String(p.accountBaseDelayMs),
      String(p.accountMaxDelayMs),
      String(p.accountWindowMs),
    )) as [number, number];
    if (status === 1) return { result: 'pair-limited', retryMs: Math.max(ms, 0) };
    if (status === 2) return { result: 'account-delayed', retryMs: ms };
    return { result: 'go' };
  }

  async loginSucceeded(email: string, address: string, p: LoginThrottlePolicy): Promise<void> {
    await this.redis.eval(LOGIN_OK, 3, ...this.loginKeys(email, address), String(p.knownAddressMs));
  }

  /**
   * Counts one password-reset request for an address (known or not: the same work either way) and
   * returns how many there were in the window. Redis expiry decides the window (its own clock).
   */
  async countResetRequest(email: string, windowMs: number): Promise<number> {
    return Number(await this.redis.eval(COUNT_IN_WINDOW, 1, `{em:${email}}:resets`, String(windowMs)));
  }
}
