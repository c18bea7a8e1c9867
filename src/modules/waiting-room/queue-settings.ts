import { LRUCache } from 'lru-cache';
import type { QueueSettingsPort, ShowtimeQueueFacts } from './ports.ts';

/** The queue settings of a showtime, as the waiting room applies them. */
export interface QueueSettings {
  showtimeId: string;
  enabled: boolean;
  admitPerSecond: number;
  maxActive: number;
  sessionSeconds: number;
  salesOpenAt: Date;
  salesCloseAt: Date;
  /** When entries are first accepted: `salesOpenAt` minus the showtime's (or the default) lead. */
  opensAt: Date;
  /** Entering needs a solved proof-of-work challenge. */
  proofOfWork: boolean;
  /** The challenge's base maxnumber: the showtime's, or the default. */
  powDifficulty: number;
}

/** What a showtime that sets nothing of its own gets. */
export interface QueueDefaults {
  leadMinutes: number;
  powDifficulty: number;
}

const toSettings = (r: ShowtimeQueueFacts, defaults: QueueDefaults): QueueSettings => ({
  showtimeId: r.showtimeId,
  enabled: r.enabled,
  admitPerSecond: r.admitPerSecond,
  maxActive: r.maxActive,
  sessionSeconds: r.sessionSeconds,
  salesOpenAt: r.salesOpenAt,
  salesCloseAt: r.salesCloseAt,
  opensAt: new Date(r.salesOpenAt.getTime() - (r.opensBeforeMinutes ?? defaults.leadMinutes) * 60_000),
  proofOfWork: r.proofOfWork,
  powDifficulty: r.powDifficulty ?? defaults.powDifficulty,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The catalogue's queue settings (read through `QueueSettingsPort`, one batch per miss), cached in
 * process for a few seconds: every entry and poll needs the settings, and a settings change taking
 * effect `cacheMs` later is acceptable.
 */
export class QueueSettingsCache {
  private readonly cache: LRUCache<string, { value: QueueSettings | null }>;
  /** Single flight: a cold showtime is read once however many requests ask at the same moment. */
  private readonly pending = new Map<string, Promise<QueueSettings | null>>();

  constructor(
    private readonly source: QueueSettingsPort,
    /** Lead minutes and difficulty, unless the showtime sets its own. */
    private readonly defaults: QueueDefaults,
    cacheMs = 2_000,
  ) {
    this.cache = new LRUCache({ max: 10_000, ttl: cacheMs });
    this.refreshAheadMs = Math.min(500, cacheMs / 4);
  }

  /** How long before expiry a peek reads the settings again. */
  private readonly refreshAheadMs: number;

  /** Settings of a live (not deleted) showtime, or null. */
  async get(showtimeId: string): Promise<QueueSettings | null> {
    if (!UUID.test(showtimeId)) return null;
    const hit = this.cache.get(showtimeId);
    if (hit) return hit.value;
    let pending = this.pending.get(showtimeId);
    if (!pending) {
      pending = this.many([showtimeId])
        .then((found) => found.get(showtimeId) ?? null)
        .finally(() => this.pending.delete(showtimeId));
      this.pending.set(showtimeId, pending);
    }
    return pending;
  }

  /**
   * The cached settings without a promise: null for no such showtime, undefined when not cached. A
   * miss, or an entry about to expire, starts a read in the background: callers that only peek (the
   * fast lane) would otherwise see the settings once, then never again.
   */
  peek(showtimeId: string): QueueSettings | null | undefined {
    const hit = this.cache.get(showtimeId);
    if (hit === undefined || this.cache.getRemainingTTL(showtimeId) < this.refreshAheadMs) {
      this.reload(showtimeId);
    }
    return hit?.value;
  }

  private reload(showtimeId: string): void {
    if (this.pending.has(showtimeId) || !UUID.test(showtimeId)) return;
    const pending = this.source
      .queueSettings([showtimeId])
      .then((rows) => {
        const row = rows.find((r) => r.showtimeId === showtimeId);
        const value = row ? toSettings(row, this.defaults) : null;
        this.cache.set(showtimeId, { value });
        return value;
      })
      .finally(() => this.pending.delete(showtimeId));
    this.pending.set(showtimeId, pending);
    // A failed read leaves the entry to expire; get() reports errors to its own callers.
    pending.catch(() => undefined);
  }

  async many(showtimeIds: string[]): Promise<Map<string, QueueSettings>> {
    const ids = showtimeIds.filter((id) => UUID.test(id));
    const out = new Map<string, QueueSettings>();
    const missing: string[] = [];
    for (const id of ids) {
      const hit = this.cache.get(id);
      if (!hit) missing.push(id);
      else if (hit.value) out.set(id, hit.value);
    }
    if (missing.length > 0) {
      const rows = await this.source.queueSettings(missing);
      for (const row of rows) out.set(row.showtimeId, toSettings(row, this.defaults));
      for (const id of missing) this.cache.set(id, { value: out.get(id) ?? null });
    }
    return out;
  }
}
