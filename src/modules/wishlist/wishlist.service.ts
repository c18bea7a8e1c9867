import { AppError } from '../../errors.ts';
import type { Db } from '../../infra/db.ts';
import type { Clock } from '../../infra/clock.ts';
import type { ReadRouting } from '../../infra/read-routing.ts';
import type { PerformanceSummary } from '../catalog/catalog.schemas.ts';
import type { WishlistRepository } from './wishlist.repository.ts';
import type { WishablePerformances } from './ports.ts';

/** How many performances one user may wish for: a bound on the ids list the web app loads whole. */
export const WISHLIST_LIMIT = 500;

export interface WishlistDeps {
  db: Db;
  readRouting: ReadRouting;
  repo: WishlistRepository;
  performances: WishablePerformances;
  clock: Clock;
  limit?: number;
}

/** 찜: add and remove (both idempotent), the newest-first list and the ids the hearts are marked from. */
export class WishlistService {
  private readonly limit: number;

  constructor(private readonly deps: WishlistDeps) {
    this.limit = deps.limit ?? WISHLIST_LIMIT;
  }

  async add(userId: string, performanceId: string): Promise<void> {
    const { db, repo, performances, clock, readRouting } = this.deps;
    if (!(await performances.isListed(performanceId))) throw new AppError('PERFORMANCE_NOT_FOUND');
    await db.transaction().execute(async (tx) => {
      await repo.lockUser(tx, userId);
      const added = await repo.add(tx, userId, performanceId, new Date(clock.nowMs()));
      // Counted after the insert, under the user's lock: a wish already held never hits the cap.
      if (added && (await repo.countOf(tx, userId)) > this.limit) {
        throw new AppError('WISHLIST_FULL', `at most ${this.limit} performances`, { limit: this.limit });
      }
    });
    await readRouting.markWrote(userId);
  }

  /** A wish for a performance since deleted can still be removed; an id never wished nor listed is 404. */
  async remove(userId: string, performanceId: string): Promise<void> {
    const { db, repo, performances, readRouting } = this.deps;
    const removed = await repo.remove(db, userId, performanceId);
    if (removed) {
      await readRouting.markWrote(userId);
      return;
    }
    if (!(await performances.isListed(performanceId))) throw new AppError('PERFORMANCE_NOT_FOUND');
  }

  /**
   * A page of wished performances, newest wish first. A wish whose performance was since hidden or
   * deleted still counts in `total` but is left out of `items`.
   */
  async page(
    userId: string,
    page: number,
    size: number,
  ): Promise<{ items: PerformanceSummary[]; total: number }> {
    const { repo, performances, readRouting } = this.deps;
    const { ids, total } = await repo.page(await readRouting.readDbFor(userId), userId, page, size);
    if (ids.length === 0) return { items: [], total };
    const byId = new Map((await performances.summaries(ids)).map((s) => [s.id, s]));
    return { items: ids.flatMap((id) => byId.get(id) ?? []), total };
  }

  async ids(userId: string): Promise<string[]> {
    const { repo, readRouting } = this.deps;
    return repo.ids(await readRouting.readDbFor(userId), userId);
  }
}
