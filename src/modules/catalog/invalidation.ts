import { channelName, type RedisClient } from '../../infra/redis.ts';
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

  /** Subscribes; resolves once Redis confirmed, so a write right after is heard. */
  async start(): Promise<void> {
    if (this.subscriber) return;
    const sub = this.redis.duplicate();
    this.subscriber = sub;
    sub.on('error', (err: Error) => this.log.warn({ err: err.message }, 'catalog subscriber error'));
    sub.on('message', (channel: string, text: string) => {
      if (channel !== this.channel) return;
      try {
        this.dispatch(JSON.parse(text) as Invalidation);
      } catch (err) {
        this.log.warn({ err: (err as Error).message }, 'bad catalog invalidation message');
      }
    });
    await sub.subscribe(this.channel);
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
