import { randomUUID } from 'node:crypto';
import { AppError } from '../errors.ts';
import { addressKey } from '../http/client-address.ts';
import type { RedisClient } from './redis.ts';

export interface StreamCaps {
  /** Concurrent streams of one user, across instances. */
  perUser: number;
  /** Concurrent streams from one client address (IPv6: its /64), across instances. */
  perAddress: number;
  /** Concurrent streams this process serves. */
  perInstance: number;
}

export interface StreamLimiterOptions {
  /** A slot not refreshed for this long is free (its instance died without releasing it). */
  staleMs: number;
  /** How often this process refreshes the slots of its open streams. */
  refreshMs: number;
}

const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

// KEYS: slots (zset member → expiry ms). ARGV: member, cap, staleMs. 1 = taken, 0 = full.
const TAKE = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

// KEYS: slots. ARGV: staleMs, members... Pushes the expiry of slots still held (XX: a released or
// expired slot is not brought back).
const REFRESH = `${NOW}
for i = 2, #ARGV do redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[1]), ARGV[i]) end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1`;

/**
 * Caps concurrent long-lived streams (SSE) per user, per client address and per instance. The user and
 * address caps hold across instances: each open stream holds a slot in a Redis sorted set, scored by an
 * expiry that this process pushes forward every `refreshMs`; if the process dies, its slots lapse after
 * `staleMs`. The instance cap is a counter in process. Each key is touched by one single-key script, so
 * it runs unchanged on Redis Cluster. One limiter per process, shared by every stream route.
 */
export class StreamLimiter {
  private readonly instance = randomUUID();
  private readonly held = new Map<string, string[]>();
  private counter = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: RedisClient,
    private readonly caps: StreamCaps,
    private readonly options: StreamLimiterOptions = { staleMs: 60_000, refreshMs: 20_000 },
  ) {}

  /** Streams this process holds slots for. */
  get open(): number {
    return this.held.size;
  }

  /**
   * Takes a slot for one stream, or throws 429 STREAM_LIMIT naming the cap that was reached. Call the
   * returned function exactly once when the stream ends.
   */
  async acquire(who: { userId?: string; ip: string }): Promise<() => Promise<void>> {
    if (this.held.size >= this.caps.perInstance) throw limitError('instance');
    const member = `${this.instance}:${++this.counter}`;
    // Reserved before the first await so concurrent connects count against the instance cap.
    this.held.set(member, []);
    const keys: string[] = [];
    try {
      const wanted: [string, number, string][] = [
        [`sl:a:${addressKey(who.ip)}`, this.caps.perAddress, 'address'],
      ];
      if (who.userId) wanted.unshift([`sl:u:${who.userId}`, this.caps.perUser, 'user']);
      for (const [key, cap, scope] of wanted) {
        const took = Number(await this.redis.eval(TAKE, 1, key, member, cap, this.options.staleMs));
        if (took !== 1) throw limitError(scope);
        keys.push(key);
        this.held.set(member, [...keys]);
      }
    } catch (err) {
      await this.free(member, keys);
      throw err instanceof AppError ? err : unavailable(err);
    }
    this.timer ??= setInterval(() => void this.refresh().catch(() => undefined), this.options.refreshMs);
    this.timer.unref();
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      await this.free(member, keys);
    };
  }

  /** Stops refreshing (shutdown). Slots still held lapse after `staleMs`. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async free(member: string, keys: string[]): Promise<void> {
    this.held.delete(member);
    if (this.held.size === 0) this.stop();
    // Best effort: a slot that cannot be removed now lapses after staleMs.
    await Promise.all(keys.map((key) => this.redis.zrem(key, member).catch(() => undefined)));
  }

  private async refresh(): Promise<void> {
    const byKey = new Map<string, string[]>();
    for (const [member, keys] of this.held) {
      for (const key of keys) {
        let members = byKey.get(key);
        if (!members) byKey.set(key, (members = []));
        members.push(member);
      }
    }
    await Promise.all(
      [...byKey].map(([key, members]) => this.redis.eval(REFRESH, 1, key, this.options.staleMs, ...members)),
    );
  }
}

function limitError(scope: string): AppError {
  return new AppError(
    'STREAM_LIMIT',
    `Too many open streams for this ${scope}`,
    { limit: scope },
    {
      'retry-after': '10',
    },
  );
}

function unavailable(cause: unknown): AppError {
  const err = new AppError('SERVICE_UNAVAILABLE', 'The stream limiter store is unavailable');
  err.cause = cause;
  return err;
}
