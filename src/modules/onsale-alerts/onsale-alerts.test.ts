import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import {
  createShowtimeWithSeats,
  createUser,
  type TestShowtime,
  type TestUser,
} from '../../../test/factories.ts';
import { ONSALE_ALERT_LIMIT } from './onsale-alerts.service.ts';

describe('onsale alert routes', () => {
  let t: TestApp & { env: TestEnv };
  let me: TestUser;
  let other: TestUser;
  let show: TestShowtime;
  const opensAt = new Date(Date.now() + 3 * 86400_000);

  beforeAll(async () => {
    t = await setupTestApp();
    me = await createUser(t.container);
    other = await createUser(t.container);
    show = await createShowtimeWithSeats(t.container, {
      rows: 1,
      seatsPerRow: 2,
      salesOpenAt: opensAt,
      title: '알림 공연',
    });
  });
  afterAll(() => t.close());

  const post = (user: TestUser, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/users/me/onsale-alerts', headers: user.headers, payload });
  const list = async (user: TestUser) =>
    (
      await t.app.inject({ method: 'GET', url: '/api/v1/users/me/onsale-alerts', headers: user.headers })
    ).json().items as { id: string; target: string; performanceTitle: string; salesOpenAt: string | null }[];

  it('subscribes once per target: 201 first, 200 with the same alert after', async () => {
    const first = await post(me, { showtimeId: show.showtimeId });
    expect(first.statusCode).toBe(201);
    const again = await post(me, { showtimeId: show.showtimeId });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const perf = await post(me, { performanceId: show.performanceId });
    expect(perf.statusCode).toBe(201);
    expect(perf.json()).toMatchObject({
      target: 'PERFORMANCE',
      showtimeId: null,
      performanceTitle: '알림 공연',
    });

    const items = await list(me);
    expect(items).toHaveLength(2);
    const st = items.find((i) => i.target === 'SHOWTIME')!;
    expect(st).toMatchObject({ performanceTitle: '알림 공연', salesOpenAt: opensAt.toISOString() });
    expect(items.find((i) => i.target === 'PERFORMANCE')!.salesOpenAt).toBe(opensAt.toISOString());
  });

  it('answers 404 for a showtime or performance that does not exist, 400 for both or neither', async () => {
    const st = await post(me, { showtimeId: randomUUID() });
    expect(st.statusCode).toBe(404);
    expect(st.json().code).toBe('SHOWTIME_NOT_FOUND');
    const pf = await post(me, { performanceId: randomUUID() });
    expect(pf.statusCode).toBe(404);
    expect(pf.json().code).toBe('PERFORMANCE_NOT_FOUND');
    expect((await post(me, {})).statusCode).toBe(400);
    expect(
      (await post(me, { showtimeId: show.showtimeId, performanceId: show.performanceId })).statusCode,
    ).toBe(400);
  });

  it('lets only the owner remove an alert; someone else gets 404', async () => {
    const [alert] = await list(me);
    const theirs = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/me/onsale-alerts/${alert!.id}`,
      headers: other.headers,
    });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().code).toBe('ONSALE_ALERT_NOT_FOUND');
    expect(await list(other)).toEqual([]);
    const mine = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/me/onsale-alerts/${alert!.id}`,
      headers: me.headers,
    });
    expect(mine.statusCode).toBe(204);
    expect(await list(me)).toHaveLength(1);
  });

  it('refuses more than the cap with ONSALE_ALERTS_FULL, but a repeat of a held one still answers', async () => {
    const user = await createUser(t.container);
    await sql`
      INSERT INTO onsale_alerts (user_id, performance_id)
      SELECT ${user.id}, gen_random_uuid() FROM generate_series(1, ${ONSALE_ALERT_LIMIT - 1})`.execute(
      t.container.db,
    );
    expect((await post(user, { showtimeId: show.showtimeId })).statusCode).toBe(201);
    const full = await post(user, { performanceId: show.performanceId });
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('ONSALE_ALERTS_FULL');
    expect((await post(user, { showtimeId: show.showtimeId })).statusCode).toBe(200);
  });

  it('needs a signed-in user', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/users/me/onsale-alerts' });
    expect(res.statusCode).toBe(401);
  });
});
