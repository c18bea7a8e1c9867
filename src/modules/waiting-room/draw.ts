import { createHash, createHmac, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Db } from '../../infra/db.ts';
import type { EarlyEntry, WaitingRoomRepository } from './waiting-room.repository.ts';
import { QueueDrawsRepository, type DrawRecord } from './queue-draws.repository.ts';

/**
 * Names the rules a verifier applies (docs/waiting-room.md "Verifiable draw"); the audit publishes it
 * so a verifier written for this version can refuse one it does not know.
 */
export const DRAW_ALGORITHM =
  'culture-ticket-draw-v1: commitment=sha256(seed bytes); key=sha256(seedHex ":" entryId); ' +
  'order=key ascending; entriesDigest=sha256(entryIds in input order joined by "\\n")';

/**
 * An entry's public id: HMAC-SHA-256(key, "<showtime id>:<user id>"), the first 32 hex digits. The
 * same user has unrelated ids in two showtimes, nobody without the key can tell whose entry it is, and
 * any instance derives it without a store call (the key is derived from JWT_SECRET).
 */
export class EntryIds {
  private readonly key: Buffer;
  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('queue-entry-id-v1').digest();
  }

  of(showtimeId: string, userId: string): string {
    return createHmac('sha256', this.key).update(`${showtimeId}:${userId}`).digest('hex').slice(0, 32);
  }
}

/** The commitment published before the draw: SHA-256 of the seed's 32 bytes, lowercase hex. */
export function commitmentOf(seedHex: string): string {
  return createHash('sha256').update(Buffer.from(seedHex, 'hex')).digest('hex');
}

/** SHA-256 over the entry ids in draw input order, joined by "\n" (no trailing newline). */
export function entriesDigest(entryIds: string[]): string {
  return createHash('sha256').update(entryIds.join('\n')).digest('hex');
}

/**
 * The key that places one early entrant: SHA-256 over the UTF-8 text `<seed hex>:<entry id>`, as
 * lowercase hex. Anyone holding the seed can recompute it (`printf '%s' "$seed:$entryId" | sha256sum`).
 */
export function drawKey(seedHex: string, entryId: string): string {
  return createHash('sha256').update(`${seedHex}:${entryId}`).digest('hex');
}

/** One early entrant as the draw sees it: the user, their public entry id, and their sequence. */
export interface DrawEntry extends EarlyEntry {
  entryId: string;
}

/**
 * The order of the draw: a pure function of the seed and each entry's public id, so anyone can check
 * it once the seed is published. Each entry's key depends on nothing else, so removing someone (a
 * leaver) never reorders the others. Ties (never seen with SHA-256) keep the input order.
 */
export function drawOrder<E extends { entryId: string }>(seedHex: string, entries: E[]): E[] {
  return entries
    .map((e, i) => ({ e, i, key: drawKey(seedHex, e.entryId) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
    .map((x) => x.e);
}

/** What the draw publishes: the ids in input order (by sequence), each one's place, and the digest. */
export interface DrawList {
  entryIds: string[];
  /** 1-based place of `entryIds[i]` in the draw. */
  positions: number[];
  digest: string;
}

export function drawList(seedHex: string, entries: DrawEntry[]): { ordered: DrawEntry[]; list: DrawList } {
  const input = [...entries].sort((a, b) => a.seq - b.seq);
  const ordered = drawOrder(seedHex, input);
  const place = new Map(ordered.map((e, i) => [e.entryId, i + 1]));
  const entryIds = input.map((e) => e.entryId);
  return {
    ordered,
    list: { entryIds, positions: entryIds.map((id) => place.get(id)!), digest: entriesDigest(entryIds) },
  };
}

/** The seeds of the draws, in PostgreSQL (table `queue_draws`): durable, secret until the draw. */
export class DrawSeeds {
  /** Showtimes known to have a seed: the entry path asks once per process, then never again. */
  private readonly known = new LRUCache<string, string>({ max: 10_000 });
  /** Finished draws (immutable) for the audit routes, which anyone may call often. */
  private readonly drawn = new LRUCache<string, DrawRecord>({ max: 100 });

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

  /** Keeps the list a draw is about to apply, unpublished (see QueueDrawsRepository.prepare). */
  async prepare(showtimeId: string, list: DrawList): Promise<void> {
    await this.repo.prepare(this.db, showtimeId, list);
  }

  /** Records the draw: its list (ids in input order, places, digest); the seed is public from now on. */
  async markDrawn(showtimeId: string, list: DrawList): Promise<void> {
    await this.repo.markDrawn(this.db, showtimeId, list);
  }

  /** The stored draw of a showtime; a finished one is cached (it never changes again). */
  async record(showtimeId: string): Promise<DrawRecord | undefined> {
    const hit = this.drawn.get(showtimeId);
    if (hit) return hit;
    const row = await this.repo.record(this.db, showtimeId);
    if (row?.drawnAt) this.drawn.set(showtimeId, row);
    return row;
  }

  /** The commitment of a showtime's seed, creating the seed if there is none yet. */
  async commitment(showtimeId: string): Promise<string> {
    return commitmentOf(await this.seedOf(showtimeId));
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
    private readonly ids: EntryIds,
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
      const { ordered, list } = drawList(
        seed,
        entries.map((e) => ({ ...e, entryId: this.ids.of(showtimeId, e.userId) })),
      );
      // Kept before the apply, published after it: a crash in between leaves the applied list stored,
      // and the audit publishes it once it sees the draw applied (QueueAudit.audit).
      await this.seeds.prepare(showtimeId, list);
      const placed = await this.repo.applyDraw(showtimeId, ordered);
      if (placed === null) continue;
      if (placed === 0) return { kind: 'NOTHING' };
      // The list as read: a leaver between the read and the apply keeps their published place (the
      // apply skipped them), so the published order is exactly the function of the seed and the list.
      await this.seeds.markDrawn(showtimeId, list);
      return { kind: 'DRAWN', placed };
    }
    throw new Error(`draw of showtime ${showtimeId} kept missing early entrants`);
  }
}
