import type { Db } from './db.ts';
import type { RedisClient } from './redis.ts';

export interface ReadRoutingOptions {
  redis: RedisClient;
  primary: Db;
  /** Absent when no DATABASE_REPLICA_URL is configured: every read then goes to the primary. */
  replica?: Db;
  /** How long after a write the user's reads stay on the primary (longer than the replica's lag). */
  seconds: number;
}

/**
 * Read-your-writes across replication lag. A write by a user sets a short-lived Redis marker
 * `ryw:<userId>`; while it exists that user's reads go to the primary, everyone else's to the replica.
 * The marker is one key per user (no hash tag needed), so it works the same on Redis Cluster.
 */
export class ReadRouting {
  constructor(private readonly opts: ReadRoutingOptions) {}

  get hasReplica(): boolean {
    return this.opts.replica !== undefined;
  }

  /** Called after a successful write by `userId`. A no-op without a replica (nothing can lag). */
  async markWrote(userId: string): Promise<void> {
    if (!this.opts.replica) return;
    await this.opts.redis.set(markerKey(userId), '1', 'EX', this.opts.seconds);
  }

  /** The database a lag-tolerant read by `userId` (or an anonymous caller) should use. */
  async readDbFor(userId: string | undefined): Promise<Db> {
    const { replica, primary, redis } = this.opts;
    if (!replica) return primary;
    if (userId === undefined) return replica;
    try {
      return (await redis.exists(markerKey(userId))) === 1 ? primary : replica;
    } catch {
      // Without Redis we cannot know whether the user just wrote: the primary is always right.
      return primary;
    }
  }
}

export function markerKey(userId: string): string {
  return `ryw:${userId}`;
}
