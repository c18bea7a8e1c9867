import { channelName, type RedisClient } from '../../infra/redis.ts';
import { listen } from '../../infra/pubsub.ts';
import type { Logger } from '../../infra/logger.ts';

export interface Invalidation {
  performanceId?: string;
  showtimeId?: string;
}

/**
 * Tells every API instance that catalogue data changed. Redis pub/sub on a prefixed channel; each
 * instance listens on its own duplicate connection (a subscribed connection can run nothing else).
 * Delivery is at-most-once, so the local caches it clears also have short TTLs as a backstop.
 */
export class InvalidationBus {
  private readonly channel: string;
  private subscriber?: RedisClient;
  private readonly handlers: ((msg: Invalidation) => void)[] = [];

  constructor(
    private readonly redis: RedisClient,
    prefix: string,
    private readonly log: Logger,
  ) {
    this.channel = channelName(prefix, 'catalog:invalidate');
  }

  onMessage(handler: (msg: Invalidation) => void): void {
    this.handlers.push(handler);
  }

  async publish(msg: Invalidation): Promise<void> {
    this.dispatch(msg); // this instance at once, without waiting for the round trip
    await this.redis.publish(this.channel, JSON.stringify(msg));
  }

  /**
   * Subscribes, and again after every reconnect. Resolves once Redis confirmed (so a write right after
   * is heard), or when Redis is unreachable: the API then starts anyway and subscribes when Redis is back,
   * the short LRU TTLs bounding what it may serve stale meanwhile.
   */
  async start(): Promise<void> {
    if (this.subscriber) return;
    this.subscriber = await listen(this.redis, {
      channel: this.channel,
      log: this.log,
      onMessage: (text) => this.dispatch(JSON.parse(text) as Invalidation),
    });
  }

  async stop(): Promise<void> {
    const sub = this.subscriber;
    this.subscriber = undefined;
    if (sub) sub.disconnect();
  }

  private dispatch(msg: Invalidation): void {
    for (const handler of this.handlers) handler(msg);
  }
}
