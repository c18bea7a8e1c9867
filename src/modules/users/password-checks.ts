import { AppError } from '../../errors.ts';
import type { RedisClient } from '../../infra/redis.ts';
import { verifyPassword } from './passwords.ts';

/** Counts one password check of an account; returns the count and the window's remaining ms. */
const COUNT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

export const PASSWORD_CHECK_POLICY = { maxFailures: 5, windowMs: 15 * 60_000 } as const;

/**
 * Every check of a signed-in user's password outside login (changing it, confirming a sensitive
 * action). Limited per account, not per token or address: whoever holds a stolen access token must
 * not be able to guess the password behind it. The check is counted before the password is verified,
 * so parallel guesses cannot exceed the budget; a right password clears the count.
 */
export class PasswordChecks {
  constructor(
    private readonly redis: RedisClient,
    private readonly policy: { maxFailures: number; windowMs: number } = PASSWORD_CHECK_POLICY,
  ) {}

  private key(userId: string): string {
    return `{u:${userId}}:password-checks`;
  }

  /** True when `password` matches; 429 RATE_LIMITED (with Retry-After) once the budget is spent. */
  async verify(userId: string, passwordHash: string, password: string): Promise<boolean> {
    const [count, ttl] = (await this.redis.eval(
      COUNT,
      1,
      this.key(userId),
      String(this.policy.windowMs),
    )) as [number, number];
    if (count > this.policy.maxFailures) {
      const seconds = Math.max(1, Math.ceil(ttl / 1000));
      throw new AppError('RATE_LIMITED', `Too many wrong passwords; try again in ${seconds} s`, undefined, {
        'retry-after': String(seconds),
      });
    }
    const ok = await verifyPassword(passwordHash, password);
    if (ok) await this.redis.del(this.key(userId));
    return ok;
  }
}
