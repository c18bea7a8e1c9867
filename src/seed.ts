import { sql } from 'kysely';
import type { Container } from './container.ts';
import { usesDevAdminPassword } from './config.ts';
import { hashPassword } from './modules/auth/passwords.ts';
import { seedDemoCatalog } from './modules/catalog/demo-data.ts';

export const CATEGORIES = [
  { name: '뮤지컬', slug: 'musical' },
  { name: '콘서트', slug: 'concert' },
  { name: '연극', slug: 'play' },
  { name: '클래식', slug: 'classical' },
  { name: '무용', slug: 'dance' },
  { name: '전시', slug: 'exhibition' },
] as const;

/** The admin account from ADMIN_EMAIL/ADMIN_PASSWORD exists and is an ADMIN. Idempotent. */
export async function ensureAdmin(container: Pick<Container, 'db' | 'config' | 'log'>): Promise<void> {
  const { db, config, log } = container;
  const passwordHash = await hashPassword(config.ADMIN_PASSWORD);
  await sql`
    INSERT INTO users (email, password_hash, nickname, role, email_verified_at)
    VALUES (${config.ADMIN_EMAIL}, ${passwordHash}, 'admin', 'ADMIN', now())
    ON CONFLICT (email) DO UPDATE SET role = 'ADMIN'`.execute(db);
  if (config.NODE_ENV !== 'production' && usesDevAdminPassword(config)) {
    log.info(`development admin: ${config.ADMIN_EMAIL} / ${config.ADMIN_PASSWORD}`);
  }
}

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
