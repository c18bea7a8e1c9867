import { subscriberConnection } from '../../infra/pubsub.ts';
import type { Logger } from '../../infra/logger.ts';
import type { RedisClient } from '../../infra/redis.ts';
import type { NotificationFeed, NotificationView } from './notification-feed.ts';

export type NotificationListener = (view: NotificationView) => void;

/**
 * The receiving side of the feed in one API process: a single subscriber connection (a duplicate of
 * the shared client, opened on the first stream) that SUBSCRIBEs a user's channel while that user has
 * at least one stream open here and UNSUBSCRIBEs when the last one closes. After a reconnect it
 * subscribes again to every channel still wanted. What is published while the connection is down is
 * not replayed: the client lists on reconnect.
 */
export class NotificationSubscriber {
  private sub: RedisClient | undefined;
  /** channel → listeners of the streams open on it. */
  private readonly listeners = new Map<string, Set<NotificationListener>>();

  constructor(
    private readonly redis: RedisClient,
    private readonly feed: NotificationFeed,
    private readonly log: Logger,
  ) {}

  /** Channels this process is subscribed to (one per user with an open stream). */
  get channelCount(): number {
    return this.listeners.size;
  }

  /**
   * Starts delivering a user's notifications to `listener`. Resolves once the channel is subscribed
   * (or after the subscribe failed: a later reconnect subscribes it). Call the returned function once.
   */
  async subscribe(userId: string, listener: NotificationListener): Promise<() => void> {
    const channel = this.feed.channelOf(userId);
    let set = this.listeners.get(channel);
    const first = !set;
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(listener);
    const sub = this.connection();
    if (first) {
      await sub.subscribe(channel).catch((err: Error) => {
        this.log.warn({ err: err.message, channel }, 'notification subscribe failed');
      });
    }
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const current = this.listeners.get(channel);
      if (!current) return;
      current.delete(listener);
      if (current.size > 0) return;
      this.listeners.delete(channel);
      void this.sub?.unsubscribe(channel).catch(() => undefined);
    };
  }

  /** Closes the subscriber connection (shutdown); open streams stop hearing anything. */
  close(): void {
    this.listeners.clear();
    this.sub?.disconnect();
    this.sub = undefined;
  }

  private connection(): RedisClient {
    this.sub ??= subscriberConnection(this.redis, {
      name: 'notifications:subscriber',
      log: this.log,
      wanted: () => [...this.listeners.keys()],
      onMessage: (channel, text) => this.dispatch(channel, text),
    });
    return this.sub;
  }

  private dispatch(channel: string, text: string): void {
    const set = this.listeners.get(channel);
    if (!set || set.size === 0) return;
    let view: NotificationView;
    try {
      view = JSON.parse(text) as NotificationView;
    } catch {
      this.log.warn({ channel }, 'bad notification message');
      return;
    }
    for (const listener of [...set]) {
      try {
        listener(view);
      } catch (err) {
        this.log.warn({ err: (err as Error).message }, 'notification listener failed');
      }
    }
  }
}
