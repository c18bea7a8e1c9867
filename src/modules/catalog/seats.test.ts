import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, withOwnMetrics, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { buildApp, type App } from '../../app.ts';
import { createCatalogModule } from './index.ts';
import {
  categoryId,
  createPerformance,
  createShowtime,
  createVenue,
  queryCount,
} from '../../../test/catalog-fixtures.ts';

describe('seat map and showtime availability', () => {
  let t: TestApp & { env: TestEnv };
  let app: App;
  let infra: TestApp['container'];
  let admin: TestUser;
  // What checkout's Redis holds would report; the port is the seam between the two modules.
  const held = new Map<string, Set<string>>();

  beforeAll(async () => {
    t = await setupTestApp();
    // A second catalogue over the container, with its own registry: its queries are counted there.
    infra = withOwnMetrics(t.container);
    const catalog = createCatalogModule(infra, {
      heldSeats: {
        heldSeatIds: async (showtimeId) => new Set(held.get(showtimeId) ?? []),
        heldSeats: async (showtimeId) => {
          const ids = new Set(held.get(showtimeId) ?? []);
          return { ids, digest: [...ids].sort().join(',') };
        },
        heldDigest: async (showtimeId) => [...(held.get(showtimeId) ?? [])].sort().join(','),
      },
    });
    app = await buildApp({ ...infra, apiRoutes: catalog.routes, rootRoutes: [] });
    await app.ready();
    admin = await createUser(t.container, { role: 'ADMIN' });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('overlays SOLD from the database and HELD from the port on a 2,000-seat layout', async () => {
    const venueId = await createVenue(app, admin, [
      { name: 'VIP석', grade: 'VIP', rows: 10, seatsPerRow: 50 },
      { name: '1층', grade: 'R', rows: 20, seatsPerRow: 50 },
      { name: '2층', grade: 'S', rows: 10, seatsPerRow: 50 },
    ]);
    const perf = await createPerformance(app, admin, {
      venueId,
      categoryId: await categoryId({ app, container: t.container }),
      prices: [
        { grade: 'VIP', price: 190_000 },
        { grade: 'R', price: 160_000 },
        { grade: 'S', price: 130_000 },
      ],
    });
    const st = await createShowtime(app, admin, perf);
    expect(st.seatCount).toBe(2_000);

    const { rows } = await sql<{
      id: string;
    }>`SELECT id FROM seats WHERE showtime_id = ${st.id} ORDER BY sort_order LIMIT 5`.execute(t.container.db);
    const [s0, s1, s2, s3] = rows.map((r) => r.id);
    await sql`UPDATE seats SET status = 'SOLD' WHERE id IN (${s0!}, ${s1!})`.execute(t.container.db);
    // s1 is still held while checkout finishes: it must count once, as SOLD.
    held.set(st.id, new Set([s1!, s2!, s3!]));

    const res = await app.inject({ method: 'GET', url: `/api/v1/showtimes/${st.id}/seats` });
    expect(res.statusCode).toBe(200);
    const seats = res.json().seats as { id: string; status: string }[];
    expect(seats).toHaveLength(2_000);
    const statusOf = new Map(seats.map((s) => [s.id, s.status]));
    expect([s0, s1, s2, s3].map((id) => statusOf.get(id!))).toEqual(['SOLD', 'SOLD', 'HELD', 'HELD']);
    expect(seats.filter((s) => s.status === 'AVAILABLE')).toHaveLength(1_996);

    const list = await app.inject({ method: 'GET', url: `/api/v1/performances/${perf}/showtimes` });
    expect(list.json()[0]).toMatchObject({
      id: st.id,
      availableSeats: 1_996,
      totalSeats: 2_000,
      status: 'ON_SALE',
    });

    // The layout is cached: a repeat read costs at most the one sold-seat query.
    const before = await queryCount(infra);
    await app.inject({ method: 'GET', url: `/api/v1/showtimes/${st.id}/seats` });
    expect((await queryCount(infra)) - before).toBeLessThanOrEqual(1);
  });

  it('reports SOLD_OUT when nothing is left and 404s unknown showtimes', async () => {
    const venueId = await createVenue(app, admin, [{ name: 'A', grade: 'R', rows: 1, seatsPerRow: 3 }]);
    const perf = await createPerformance(app, admin, {
      venueId,
      categoryId: await categoryId({ app, container: t.container }),
      prices: [{ grade: 'R', price: 50_000 }],
    });
    const st = await createShowtime(app, admin, perf);
    await sql`UPDATE seats SET status = 'SOLD' WHERE showtime_id = ${st.id}`.execute(t.container.db);
    const list = await app.inject({ method: 'GET', url: `/api/v1/performances/${perf}/showtimes` });
    expect(list.json()[0]).toMatchObject({ availableSeats: 0, totalSeats: 3, status: 'SOLD_OUT' });
    const missing = await app.inject({
      method: 'GET',
      url: `/api/v1/showtimes/00000000-0000-4000-8000-000000000000/seats`,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('SHOWTIME_NOT_FOUND');
    expect((await app.inject({ method: 'GET', url: `/api/v1/showtimes/not-a-uuid/seats` })).statusCode).toBe(
      400,
    );
  });
});
