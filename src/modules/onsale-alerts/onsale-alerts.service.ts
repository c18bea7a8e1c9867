import { AppError } from '../../errors.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import type { AlertRow, AlertTarget, OnsaleAlertsRepository } from './onsale-alerts.repository.ts';
import type { NewOnsaleAlert, OnsaleAlert } from './onsale-alerts.schemas.ts';
import type { AlertCatalog } from './ports.ts';

/** How many alerts one account may hold: a bound on the list page, far above real use. */
export const ONSALE_ALERT_LIMIT = 200;

export interface OnsaleAlertsDeps {
  db: Db;
  repo: OnsaleAlertsRepository;
  catalog: AlertCatalog;
  clock: Clock;
  limit?: number;
}

/** Subscriptions to a showtime's or a performance's sales opening: add (idempotent), list, remove. */
export class OnsaleAlertsService {
  private readonly limit: number;

  constructor(private readonly d: OnsaleAlertsDeps) {
    this.limit = d.limit ?? ONSALE_ALERT_LIMIT;
  }

  /** The alert and whether this call created it; a repeat returns the existing one. */
  async add(userId: string, input: NewOnsaleAlert): Promise<{ alert: OnsaleAlert; created: boolean }> {
    const { db, repo, catalog, clock } = this.d;
    let target: AlertTarget;
    if ('showtimeId' in input) {
      if (!(await catalog.showtime(input.showtimeId))) throw new AppError('SHOWTIME_NOT_FOUND');
      target = { showtimeId: input.showtimeId, performanceId: null };
    } else {
      if (!(await catalog.isListed(input.performanceId))) throw new AppError('PERFORMANCE_NOT_FOUND');
      target = { showtimeId: null, performanceId: input.performanceId };
    }
    const { row, created } = await db.transaction().execute(async (tx) => {
      await repo.lockUser(tx, userId);
      const existing = await repo.find(tx, userId, target);
      if (existing) return { row: existing, created: false };
      if ((await repo.countOf(tx, userId)) >= this.limit) {
        throw new AppError('ONSALE_ALERTS_FULL', `at most ${this.limit} alerts`, { limit: this.limit });
      }
      const inserted = await repo.insert(tx, userId, target, clock.now());
      return { row: inserted ?? (await repo.find(tx, userId, target))!, created: inserted !== undefined };
    });
    const [alert] = await this.label([row]);
    return { alert: alert!, created };
  }

  /** The caller's alerts, newest first; one whose showtime or performance is gone is left out. */
  async list(userId: string): Promise<OnsaleAlert[]> {
    return this.label(await this.d.repo.listOf(this.d.db, userId));
  }

  /** Someone else's alert is as absent as one never made. */
  async remove(userId: string, id: string): Promise<void> {
    if (!(await this.d.repo.remove(this.d.db, userId, id))) throw new AppError('ONSALE_ALERT_NOT_FOUND');
  }

  private async label(rows: AlertRow[]): Promise<OnsaleAlert[]> {
    const { catalog, clock } = this.d;
    const showtimeIds = rows.flatMap((r) => r.showtimeId ?? []);
    const performanceIds = rows.flatMap((r) => r.performanceId ?? []);
    const [showtimes, performances] = await Promise.all([
      catalog.showtimes(showtimeIds),
      catalog.performances(performanceIds, clock.now()),
    ]);
    return rows.flatMap((r): OnsaleAlert[] => {
      if (r.showtimeId) {
        const s = showtimes.get(r.showtimeId);
        if (!s) return [];
        return [
          {
            id: r.id,
            target: 'SHOWTIME',
            performanceId: s.performanceId,
            showtimeId: s.showtimeId,
            performanceTitle: s.title,
            startsAt: s.startsAt.toISOString(),
            salesOpenAt: s.salesOpenAt.toISOString(),
            createdAt: r.createdAt.toISOString(),
          },
        ];
      }
      const p = performances.get(r.performanceId!);
      if (!p) return [];
      return [
        {
          id: r.id,
          target: 'PERFORMANCE',
          performanceId: p.performanceId,
          showtimeId: null,
          performanceTitle: p.title,
          startsAt: null,
          salesOpenAt: p.nextSalesOpenAt ? new Date(p.nextSalesOpenAt).toISOString() : null,
          createdAt: r.createdAt.toISOString(),
        },
      ];
    });
  }
}
