import type { RedisClient } from '../../infra/redis.ts';

/** One sample of a showtime's live figures, as kept in its capped Redis list. */
export interface LivePoint {
  t: string;
  waiting: number;
  active: number;
  sold: number;
  revenue: number;
}

/** Points kept per showtime: one hour at one sample per 10 s. */
export const SERIES_LENGTH = 360;
/** A showtime stays sampled this long after it was last in the waiting room or watched by an admin. */
export const TRACK_FOR_MS = 10 * 60_000;
/** Idle series disappear after a day. */
const SERIES_TTL_SECONDS = 86_400;

// The series of one showtime carries the showtime's hash tag, like every key of one showtime.
const seriesKey = (showtimeId: string): string => `live:{st:${showtimeId}}:series`;
// zset showtimeId → when it was last seen (ready line or an admin poll); the sampler's work list.
const TRACKED_KEY = 'live:tracked';

/** The Redis side of the live figures: the per-showtime time series and the set of sampled showtimes. */
export class OnsaleLiveRepository {
  constructor(private readonly redis: RedisClient) {}

  async append(showtimeId: string, point: LivePoint): Promise<void> {
    const key = seriesKey(showtimeId);
    await this.redis
      .multi()
      .rpush(key, JSON.stringify(point))
      .ltrim(key, -SERIES_LENGTH, -1)
      .expire(key, SERIES_TTL_SECONDS)
      .exec();
  }

  /** The series, oldest point first. */
  async series(showtimeId: string): Promise<LivePoint[]> {
    const raw = await this.redis.lrange(seriesKey(showtimeId), 0, -1);
    return raw.map((r) => JSON.parse(r) as LivePoint);
  }

  async track(showtimeIds: string[], nowMs: number): Promise<void> {
    if (showtimeIds.length === 0) return;
    await this.redis.zadd(TRACKED_KEY, ...showtimeIds.flatMap((id) => [nowMs, id]));
  }

  /** Showtimes seen within TRACK_FOR_MS (older ones are dropped), at most `limit`, most recent first. */
  async tracked(nowMs: number, limit: number): Promise<string[]> {
    await this.redis.zremrangebyscore(TRACKED_KEY, '-inf', nowMs - TRACK_FOR_MS);
    return this.redis.zrevrange(TRACKED_KEY, 0, limit - 1);
  }
}
