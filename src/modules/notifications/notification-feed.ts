import { channelName, type RedisClient } from '../../infra/redis.ts';

/** A notification as the app lists it and the stream sends it. */
export interface NotificationView {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

/**
 * The Redis pub/sub channels in-app notifications travel on between instances: one per user, so an
 * instance hears only the users with a stream open on it.
 */
export class NotificationFeed {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  channelOf(userId: string): string {
    return channelName(this.prefix, `notifications:user:${userId}`);
  }

  /** Publishes many in one round trip (a fan-out batch holds hundreds). */
  async publish(items: Array<{ userId: string; view: NotificationView }>): Promise<void> {
    if (items.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const { userId, view } of items) pipeline.publish(this.channelOf(userId), JSON.stringify(view));
    await pipeline.exec();
  }
}
