import type { App } from '../src/app.ts';
import type { TestUser } from './factories.ts';
import type { Container } from '../src/container.ts';
import { ensureCategories } from '../src/seed.ts';

/** Test helpers that go through the admin API, so fixtures obey the same validation as admins. */
export async function categoryId(t: { app: App; container: Container }, slug = 'musical'): Promise<string> {
  await ensureCategories(t.container);
  const app = t.app;
  const res = await app.inject({ method: 'GET', url: '/api/v1/categories' });
  const found = (res.json() as { id: string; slug: string }[]).find((c) => c.slug === slug);
  if (!found) throw new Error(`no category ${slug}`);
  return found.id;
}

export async function createVenue(
  app: App,
  admin: TestUser,
  sections = [
    { name: 'VIP석', grade: 'VIP', rows: 2, seatsPerRow: 10 },
    { name: '1층', grade: 'R', rows: 3, seatsPerRow: 10 },
  ],
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/admin/venues',
    headers: admin.headers,
    payload: { name: '샤롯데씨어터', address: '서울 송파구 올림픽로 240', sections },
  });
  if (res.statusCode !== 201) throw new Error(`venue: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86400_000 + 9 * 3600_000).toISOString().slice(0, 10);
}

export async function createPerformance(
  app: App,
  admin: TestUser,
  input: { venueId: string; categoryId: string } & Record<string, unknown>,
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/admin/performances',
    headers: admin.headers,
    payload: {
      title: '레미제라블',
      description: '빅토르 위고 원작의 뮤지컬',
      startDate: daysFromNow(1),
      endDate: daysFromNow(60),
      runningMinutes: 170,
      ageRating: 8,
      cast: ['민우혁', '김우형'],
      prices: [
        { grade: 'VIP', price: 170_000 },
        { grade: 'R', price: 140_000 },
      ],
      ...input,
    },
  });
  if (res.statusCode !== 201) throw new Error(`performance: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

export async function createShowtime(
  app: App,
  admin: TestUser,
  performanceId: string,
  daysAhead = 10,
): Promise<{ id: string; seatCount: number }> {
  const startsAt = new Date(Date.now() + daysAhead * 86400_000);
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/admin/performances/${performanceId}/showtimes`,
    headers: admin.headers,
    payload: {
      startsAt: startsAt.toISOString(),
      salesOpenAt: new Date(Date.now() - 3600_000).toISOString(),
      salesCloseAt: new Date(startsAt.getTime() - 3600_000).toISOString(),
      maxTicketsPerUser: 4,
    },
  });
  if (res.statusCode !== 201) throw new Error(`showtime: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; seatCount: number };
}

/** The catalogue's query counter (catalog_db_queries_total) of one container. */
export async function queryCount(container: {
  metrics: { registry: { getSingleMetricAsString: (n: string) => Promise<string> } };
}): Promise<number> {
  const text = await container.metrics.registry.getSingleMetricAsString('catalog_db_queries_total');
  const match = /catalog_db_queries_total(?:\{[^}]*\})? (\d+)/.exec(text);
  return Number(match?.[1] ?? 0);
}
