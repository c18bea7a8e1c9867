import { sql } from 'kysely';
import type { Container } from './container.ts';
import { ensureAdmin } from './admin-account.ts';
import { seedDemoCatalog } from './modules/catalog/demo-data.ts';

export const CATEGORIES = [
  { name: '뮤지컬', slug: 'musical' },
  { name: '콘서트', slug: 'concert' },
  { name: '연극', slug: 'play' },
  { name: '클래식', slug: 'classical' },
  { name: '무용', slug: 'dance' },
  { name: '전시', slug: 'exhibition' },
] as const;

export async function ensureCategories(container: Pick<Container, 'db'>): Promise<void> {
  for (const [i, c] of CATEGORIES.entries()) {
    await sql`
      INSERT INTO categories (name, slug, sort_order) VALUES (${c.name}, ${c.slug}, ${i})
      ON CONFLICT (slug) DO NOTHING`.execute(container.db);
  }
}

/**
 * Reference data always; demo data (venues, performances, showtimes) only into an empty catalogue
 * when `onlyWhenEmpty`, or on every `npm run seed` otherwise.
 */
export async function seed(container: Container, opts: { onlyWhenEmpty: boolean }): Promise<void> {
  await ensureCategories(container);
  await ensureAdmin(container);
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM performances`.execute(
    container.db,
  );
  const empty = (rows[0]?.n ?? 0) === 0;
  if (opts.onlyWhenEmpty && !empty) return;
  container.log.info('seeding demo data');
  await seedDemoCatalog(container);
}
