import { channelName, type RedisClient } from '../../infra/redis.ts';
import { listen } from '../../infra/pubsub.ts';
import type { Logger } from '../../infra/logger.ts';

/** Redis sorted set of ended session ids, scored by when their last access token has expired. */
const ENDED_KEY = 'sessions:ended';
/** Kept a little past the token lifetime, so instances whose clocks run behind still refuse it. */
const CLOCK_MARGIN_MS = 30_000;
const PRUNE_EVERY_MS = 60_000;

interface EndedMessage {
  sids: string[];
  untilMs: number;
}

/**
 * The sessions that ended while their access tokens may still be alive, known to every API instance.
 *
 * Ending a session (logout, password change, role change, suspension) adds its id to a Redis sorted
 * set and publishes it; each instance keeps the ids in a local map until the tokens would have
 * expired, so checking a token is one map lookup and never a store call. A starting instance (and one
 * whose subscriber reconnects, having possibly missed messages) loads the set after subscribing, so
 * nothing published in between is lost.
 */
export class EndedSessions {
  private readonly ended = new Map<string, number>();
  private readonly channel: string;
  private subscriber?: RedisClient;
  private pruneTimer?: NodeJS.Timeout;

  constructor(
    private readonly redis: RedisClient,
    prefix: string,
    private readonly accessTtlSeconds: number,
    private readonly log: Logger,
  ) {
    this.channel = channelName(prefix, 'sessions:ended');
  }

  /** The hot path: whether tokens of this session must be refused. */
  has(sessionId: string): boolean {
    return this.ended.has(sessionId);
  }

  /** Ends the sessions on every instance: this one at once, the others through Redis. */
  async end(sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    const msg: EndedMessage = {
      sids: [...sessionIds],
      untilMs: Date.now() + this.accessTtlSeconds * 1000 + CLOCK_MARGIN_MS,
    };
    this.remember(msg);
    // Stored before it is published: an instance starting now either loads it or hears it.
    const args = msg.sids.flatMap((sid) => [msg.untilMs, sid]);
    await this.redis
      .multi()
      .zadd(ENDED_KEY, ...args)
      .zremrangebyscore(ENDED_KEY, '-inf', Date.now())
      .pexpireat(ENDED_KEY, msg.untilMs)
      .exec();
    await this.redis.publish(this.channel, JSON.stringify(msg));
  }

  /**
   * Subscribes, then loads the ended sessions still relevant; again after every reconnect. Resolves
   * once both are done, or after a few seconds when Redis is unreachable: the instance then starts
   * and catches up when Redis is back (ends made meanwhile could not be stored either).
   */
  async start(): Promise<void> {
    if (this.subscriber) return;
    this.pruneTimer = setInterval(() => this.prune(), PRUNE_EVERY_MS);
    this.pruneTimer.unref();
    this.subscriber = await listen(this.redis, {
      channel: this.channel,
      log: this.log,
      onMessage: (text) => this.remember(JSON.parse(text) as EndedMessage),
      onSubscribed: () =>
        this.load().catch((err: Error) =>
          this.log.warn({ err: err.message }, 'loading ended sessions failed'),
        ),
    });
  }

  async stop(): Promise<void> {
    clearInterval(this.pruneTimer);
    const sub = this.subscriber;
    this.subscriber = undefined;
    if (sub) sub.disconnect();
  }

  private async load(): Promise<void> {
    const now = Date.now();
    const flat = await this.redis.zrangebyscore(ENDED_KEY, now, '+inf', 'WITHSCORES');
    for (let i = 0; i + 1 < flat.length; i += 2) {
      this.keep(flat[i]!, Number(flat[i + 1]));
    }
  }

  private remember(msg: EndedMessage): void {
    if (!Array.isArray(msg.sids) || typeof msg.untilMs !== 'number') return;
    for (const sid of msg.sids) if (typeof sid === 'string') this.keep(sid, msg.untilMs);
  }

  private keep(sid: string, untilMs: number): void {
    if (untilMs <= Date.now()) return;
    const known = this.ended.get(sid);
    if (known === undefined || known < untilMs) this.ended.set(sid, untilMs);
  }

  /** Forgets sessions whose tokens have all expired (the token's own expiry refuses them from then). */
  private prune(): void {
    const now = Date.now();
    for (const [sid, untilMs] of this.ended) if (untilMs <= now) this.ended.delete(sid);
  }
}
