import type { Container } from './container.ts';
import { ensureAdmin } from './admin-account.ts';
import { seedDemoCatalog } from './modules/catalog/demo-data.ts';
import { CatalogRepository } from './modules/catalog/catalog.repository.ts';

export const CATEGORIES = [
  { name: '뮤지컬', slug: 'musical' },
  { name: '콘서트', slug: 'concert' },
  { name: '연극', slug: 'play' },
  { name: '클래식', slug: 'classical' },
  { name: '무용', slug: 'dance' },
  { name: '전시', slug: 'exhibition' },
] as const;

const catalog = new CatalogRepository();

export async function ensureCategories(container: Pick<Container, 'db'>): Promise<void> {
  await catalog.ensureCategories(container.db, CATEGORIES);
}

/**
 * Reference data always; demo data (venues, performances, showtimes) only into an empty catalogue
 * when `onlyWhenEmpty`, or on every `npm run seed` otherwise.
 */
export async function seed(container: Container, opts: { onlyWhenEmpty: boolean }): Promise<void> {
  await ensureCategories(container);
  await ensureAdmin(container);
  const empty = (await catalog.performanceCount(container.db)) === 0;
  if (opts.onlyWhenEmpty && !empty) return;
  container.log.info('seeding demo data');
  await seedDemoCatalog(container);
}
