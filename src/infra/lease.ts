import { randomUUID } from 'node:crypto';
import type { RedisClient } from './redis.ts';
import type { Logger } from './logger.ts';

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * A Redis lease: at most one holder at a time across every process. Used by singleton jobs so any
 * number of workers can run. The holder renews before expiry; a crashed holder's lease lapses.
 */
export class Lease {
  private readonly token = randomUUID();

  constructor(
    private readonly redis: RedisClient,
    readonly key: string,
    private readonly ttlMs: number,
  ) {}

  /** Takes the lease if free, or renews it if already ours. */
  async acquire(): Promise<boolean> {
    const renewed = (await this.redis.eval(RENEW, 1, this.key, this.token, String(this.ttlMs))) as number;
    if (renewed === 1) return true;
    const set = await this.redis.set(this.key, this.token, 'PX', this.ttlMs, 'NX');
    return set === 'OK';
  }

  async release(): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key, this.token);
  }
}

export interface LeasedJobOptions {
  name: string;
  intervalMs: number;
  redis: RedisClient;
  log: Logger;
  run: () => Promise<void>;
  /** Lease lifetime; defaults to a few intervals so a paused leader is replaced quickly. */
  leaseMs?: number;
}

/** Runs `run` every interval on whichever process holds the job's lease. */
export class LeasedJob {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private readonly lease: Lease;

  constructor(private readonly opts: LeasedJobOptions) {
    this.lease = new Lease(
      opts.redis,
      `lease:${opts.name}`,
      opts.leaseMs ?? Math.max(opts.intervalMs * 3, 3_000),
    );
  }

  start(): void {
    const tick = async (): Promise<void> => {
      if (this.stopped) return;
      try {
        if (await this.lease.acquire()) await this.opts.run();
      } catch (err) {
        this.opts.log.error({ err, job: this.opts.name }, 'job run failed');
      }
    };
    const loop = (): void => {
      this.running = tick().finally(() => {
        if (!this.stopped) this.timer = setTimeout(loop, this.opts.intervalMs);
      });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.lease.release().catch(() => undefined);
  }
}
