import type { PerformanceSummary } from '../catalog/catalog.schemas.ts';

/** What the wishlist asks the catalogue; it never reads the catalogue's tables. */
export interface WishablePerformances {
  /** True when the performance can be shown to anyone (not deleted, not a draft). */
  isListed(performanceId: string): Promise<boolean>;
  /** Summaries (as GET /performances lists them) of the listed ones among `ids`, in any order. */
  summaries(ids: string[]): Promise<PerformanceSummary[]>;
}
