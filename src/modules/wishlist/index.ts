import type { Infra } from '../../container.ts';
import { WishlistRepository } from './wishlist.repository.ts';
import { wishlistRoutes } from './wishlist.routes.ts';
import { WishlistService } from './wishlist.service.ts';
import type { WishablePerformances } from './ports.ts';
import type { WishCounts } from '../catalog/ports.ts';
import './wishlist.tables.ts';

/**
 * The catalogue's WishCounts port, built before the catalogue (which the module itself needs):
 * the detail fill asks it for the count, reading the lag-tolerant database.
 */
export function wishCountReader(infra: Pick<Infra, 'readDb'>): WishCounts {
  const repo = new WishlistRepository();
  return { wishCount: (performanceId) => repo.wishCount(infra.readDb, performanceId) };
}

/** 찜: the wishes table, its routes, and the catalogue port that says a performance exists. */
export function createWishlistModule(
  infra: Pick<Infra, 'db' | 'readRouting' | 'clock'>,
  ports: { performances: WishablePerformances },
) {
  const service = new WishlistService({
    db: infra.db,
    readRouting: infra.readRouting,
    repo: new WishlistRepository(),
    performances: ports.performances,
    clock: infra.clock,
  });
  return { routes: wishlistRoutes({ service }), service };
}
