import { sql } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Db } from '../../infra/db.ts';

/** The queue settings of a showtime, owned by the catalogue (table `showtimes`). */
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
}

interface Row {
  id: string;
  queue_enabled: boolean;
  queue_admit_per_second: number;
  queue_max_active: number;
  queue_session_seconds: number;
  sales_open_at: Date;
  sales_close_at: Date;
  queue_opens_before_minutes: number | null;
}

const toSettings = (r: Row, defaultLeadMinutes: number): QueueSettings => ({
  showtimeId: r.id,
  enabled: r.queue_enabled,
  admitPerSecond: r.queue_admit_per_second,
  maxActive: r.queue_max_active,
  sessionSeconds: r.queue_session_seconds,
  salesOpenAt: r.sales_open_at,
  salesCloseAt: r.sales_close_at,
  opensAt: new Date(
    r.sales_open_at.getTime() - (r.queue_opens_before_minutes ?? defaultLeadMinutes) * 60_000,
  ),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads the catalogue's queue columns with one narrow query (the waiting room does not import the
 * catalogue module). Cached in process for a few seconds: every entry and poll needs the settings,
 * and a settings change taking effect `cacheMs` later is acceptable.
 */
export class QueueSettingsRepository {
  private readonly cache: LRUCache<string, { value: QueueSettings | null }>;
  /** Single flight: a cold showtime is read once however many requests ask at the same moment. */
  private readonly pending = new Map<string, Promise<QueueSettings | null>>();

  constructor(
    private readonly db: Db,
    /** Minutes before sales open that a waiting room opens, unless the showtime sets its own. */
    private readonly defaultLeadMinutes: number,
    cacheMs = 2_000,
  ) {
    this.cache = new LRUCache({ max: 10_000, ttl: cacheMs });
  }

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
      const { rows } = await sql<Row>`
        SELECT id, queue_enabled, queue_admit_per_second, queue_max_active, queue_session_seconds,
               sales_open_at, sales_close_at, queue_opens_before_minutes
        FROM showtimes WHERE id = ANY(${missing}::uuid[]) AND deleted_at IS NULL`.execute(this.db);
      for (const row of rows) out.set(row.id, toSettings(row, this.defaultLeadMinutes));
      for (const id of missing) this.cache.set(id, { value: out.get(id) ?? null });
    }
    return out;
  }
}
