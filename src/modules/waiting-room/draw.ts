import { createHash, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Db } from '../../infra/db.ts';
import type { EarlyEntry, WaitingRoomRepository } from './waiting-room.repository.ts';
import { QueueDrawsRepository } from './queue-draws.repository.ts';

/** Name of the ordering rule, for documents and a later audit endpoint. */
export const DRAW_ALGORITHM = 'sha256(seedHex ":" showtimeId ":" seq), ascending';

/**
 * The key that places one early entrant: SHA-256 over the UTF-8 text `<seed hex>:<showtime id>:<seq>`,
 * as lowercase hex. Anyone holding the seed can recompute it (`printf '%s' "$seed:$id:$seq" | sha256sum`).
 */
export function drawKey(seedHex: string, showtimeId: string, seq: number): string {
  return createHash('sha256').update(`${seedHex}:${showtimeId}:${seq}`).digest('hex');
}

/**
 * The order of the draw: a pure function of the seed and each entry's sequence number, so it can be
 * checked once the seed is published. Each entry's key depends on nothing else, so removing someone
 * (a leaver) never reorders the others. Ties (never seen with SHA-256) fall back to the sequence.
 */
export function drawOrder(seedHex: string, showtimeId: string, entries: EarlyEntry[]): EarlyEntry[] {
  return entries
    .map((e) => ({ e, key: drawKey(seedHex, showtimeId, e.seq) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.e.seq - b.e.seq))
    .map((x) => x.e);
}

/** The seeds of the draws, in PostgreSQL (table `queue_draws`): durable, secret until the draw. */
export class DrawSeeds {
  /** Showtimes known to have a seed: the entry path asks once per process, then never again. */
  private readonly known = new LRUCache<string, string>({ max: 10_000 });

  constructor(
    private readonly db: Db,
    private readonly repo = new QueueDrawsRepository(),
  ) {}

  /** The showtime's seed, created (32 random bytes) by whoever asks first. */
  async seedOf(showtimeId: string): Promise<string> {
    const hit = this.known.get(showtimeId);
    if (hit) return hit;
    const seed = await this.repo.seedOf(this.db, showtimeId, randomBytes(32).toString('hex'));
    this.known.set(showtimeId, seed);
    return seed;
  }

  async markDrawn(showtimeId: string, earlyEntrants: number): Promise<void> {
    await this.repo.markDrawn(this.db, showtimeId, earlyEntrants);
  }

  /** The stored draw of a showtime (tests, a later audit endpoint). */
  async record(
    showtimeId: string,
  ): Promise<{ seed: string; drawnAt: Date | null; earlyEntrants: number | null } | undefined> {
    return this.repo.record(this.db, showtimeId);
  }
}

export type DrawOutcome =
  /** Sales have not opened by the Redis clock: early entries may still come. */
  | { kind: 'NOT_YET' }
  /** This call placed `placed` early entrants. */
  | { kind: 'DRAWN'; placed: number }
  /** Nothing to draw: another drawer did it, or nobody came early. */
  | { kind: 'NOTHING' };

/**
 * Performs a showtime's draw once sales have opened. Safe with any number of drawers at once: the
 * order is a pure function of the stored seed and the entries, and APPLY_DRAW places the early set in
 * one script that runs once (a second call finds the set gone). The read and the apply are two calls;
 * a leaver in between is skipped by the apply, and nobody can join the early set after the open.
 */
export class QueueDraw {
  /** One draw at a time per showtime in this process. */
  private readonly running = new Map<string, Promise<DrawOutcome>>();

  constructor(
    private readonly repo: WaitingRoomRepository,
    private readonly seeds: DrawSeeds,
  ) {}

  run(showtimeId: string, salesOpenAtMs: number): Promise<DrawOutcome> {
    let pending = this.running.get(showtimeId);
    if (!pending) {
      pending = this.draw(showtimeId, salesOpenAtMs).finally(() => this.running.delete(showtimeId));
      this.running.set(showtimeId, pending);
    }
    return pending;
  }

  private async draw(showtimeId: string, salesOpenAtMs: number): Promise<DrawOutcome> {
    // A handful of tries: a retry is needed only if the early set changed in a way the read missed.
    for (let attempt = 0; attempt < 5; attempt++) {
      const entries = await this.repo.earlyEntries(showtimeId, salesOpenAtMs);
      if (entries === null) return { kind: 'NOT_YET' };
      if (entries.length === 0) return { kind: 'NOTHING' };
      const seed = await this.seeds.seedOf(showtimeId);
      const placed = await this.repo.applyDraw(showtimeId, drawOrder(seed, showtimeId, entries));
      if (placed === null) continue;
      if (placed === 0) return { kind: 'NOTHING' };
      await this.seeds.markDrawn(showtimeId, placed);
      return { kind: 'DRAWN', placed };
    }
    throw new Error(`draw of showtime ${showtimeId} kept missing early entrants`);
  }
}
