import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { seed } from '../../seed.ts';

describe('demo catalogue', () => {
  let t: TestApp & { env: TestEnv };
  beforeAll(async () => {
    t = await setupTestApp();
    await seed(t.container, { onlyWhenEmpty: true });
  });
  afterAll(() => t.close());

  it('has 30+ performances in every category with showtimes, and a 1,000+ seat VIP/R/S/A hall', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/v1/performances?size=100' });
    expect(page.json().total).toBeGreaterThanOrEqual(30);
    const categories = await t.app.inject({ method: 'GET', url: '/api/v1/categories' });
    for (const c of categories.json() as { slug: string }[]) {
      const list = await t.app.inject({ method: 'GET', url: `/api/v1/performances?category=${c.slug}` });
      expect(list.json().total, c.slug).toBeGreaterThan(0);
    }
    const { rows } = await sql<{ seats: number; grades: string }>`
      SELECT v.seat_count AS seats, string_agg(DISTINCT s.grade, ',' ORDER BY s.grade) AS grades
      FROM venues v JOIN venue_sections s ON s.venue_id = v.id GROUP BY v.id ORDER BY v.seat_count DESC LIMIT 1`.execute(
      t.container.db,
    );
    expect(rows[0]!.seats).toBeGreaterThanOrEqual(1000);
    expect(rows[0]!.grades).toBe('A,R,S,VIP');

    const first = (page.json().items as { id: string; posterUrl: string }[])[0]!;
    const showtimes = await t.app.inject({
      method: 'GET',
      url: `/api/v1/performances/${first.id}/showtimes`,
    });
    expect(showtimes.json().length).toBeGreaterThan(0);
    const poster = await t.app.inject({ method: 'GET', url: first.posterUrl });
    expect(poster.statusCode).toBe(200);
    expect(poster.headers['content-type']).toContain('image/svg+xml');
    expect(poster.body).toMatch(/^<svg /);
  });

  it('seeding again adds nothing', async () => {
    const count = async () =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM performances`.execute(t.container.db)).rows[0]!
        .n;
    const before = await count();
    await seed(t.container, { onlyWhenEmpty: false });
    expect(await count()).toBe(before);
  });
});
