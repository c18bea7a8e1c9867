import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { couponBody } from '../../../test/coupons.ts';
import { redact } from './http-recorder.ts';

describe('audit log', () => {
  let t: TestApp & { env: TestEnv };
  let admin: TestUser;

  beforeAll(async () => {
    t = await setupTestApp();
    admin = await createUser(t.container, { role: 'ADMIN', email: `audit-admin-${Date.now()}@example.com` });
  });
  afterAll(() => t.close());

  const rows = async () =>
    (
      await sql<{
        action: string;
        actor_id: string;
        target_type: string | null;
        target_id: string | null;
        before: unknown;
        after: unknown;
      }>`
        SELECT action, actor_id, target_type, target_id, before, after FROM audit_log ORDER BY id`.execute(
        t.container.db,
      )
    ).rows;
  const call = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: admin.headers, ...(payload ? { payload } : {}) });

  it('one row per admin write of the catalogue and coupons, none for refused or read requests', async () => {
    const before = (await rows()).length;
    const venue = await call('POST', '/admin/venues', {
      name: '감사홀',
      address: '서울',
      sections: [{ name: '1층', grade: 'R', rows: 2, seatsPerRow: 2 }],
    });
    expect(venue.statusCode).toBe(201);
    const venueId = venue.json().id as string;
    expect((await call('PATCH', `/admin/venues/${venueId}`, { name: '감사홀 2' })).statusCode).toBe(200);
    // Refused: nothing happened, nothing recorded.
    expect((await call('POST', '/admin/venues', { name: '' })).statusCode).toBe(400);
    await t.app.inject({ method: 'GET', url: '/api/v1/admin/venues', headers: admin.headers });
    const coupon = await call('POST', '/admin/coupons', couponBody());
    expect(coupon.statusCode).toBe(201);
    expect((await call('DELETE', `/admin/venues/${venueId}`)).statusCode).toBe(204);

    const added = (await rows()).slice(before);
    expect(added.map((r) => [r.action, r.target_type, r.target_id])).toEqual([
      ['POST /admin/venues', 'venues', venueId],
      ['PATCH /admin/venues/:id', 'venues', venueId],
      ['POST /admin/coupons', 'coupons', coupon.json().id],
      ['DELETE /admin/venues/:id', 'venues', venueId],
    ]);
    expect(added.every((r) => r.actor_id === admin.id)).toBe(true);
    // The edit keeps the venue as it was and as it became; the delete, what was deleted.
    expect(added[1]!.before).toMatchObject({ id: venueId, name: '감사홀' });
    expect(added[1]!.after).toMatchObject({
      body: { name: '감사홀 2' },
      response: { id: venueId, name: '감사홀 2' },
    });
    expect(added[3]!.before).toMatchObject({ id: venueId, name: '감사홀 2' });
    expect(added[0]!.before).toBeNull();
  });

  it('admins read it newest first with the actor; non-admins cannot; no route changes it', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/audit-log?size=2',
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items[0]).toMatchObject({
      action: 'DELETE /admin/venues/:id',
      actor: { id: admin.id, email: admin.email },
    });
    expect(Number(body.items[0].id)).toBeGreaterThan(Number(body.items[1].id));
    const filtered = await t.app.inject({
      method: 'GET',
      url: `/api/v1/admin/audit-log?action=${encodeURIComponent('POST /admin/coupons')}`,
      headers: admin.headers,
    });
    expect(filtered.json().items).toHaveLength(1);
    const user = await createUser(t.container);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/admin/audit-log', headers: user.headers }))
        .statusCode,
    ).toBe(403);
    for (const method of ['DELETE', 'PATCH', 'PUT'] as const) {
      const r = await t.app.inject({
        method,
        url: '/api/v1/admin/audit-log',
        headers: admin.headers,
        payload: {},
      });
      expect(r.statusCode).toBe(404);
    }
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const db = t.container.db;
    const n = (await rows()).length;
    expect(n).toBeGreaterThan(0);
    await expect(sql`UPDATE audit_log SET action = 'forged'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect((await rows()).length).toBe(n);
    expect((await rows()).some((r) => r.action === 'forged')).toBe(false);
  });

  it('drops secrets from recorded bodies', () => {
    expect(redact({ email: 'a@b.c', password: 'x', nested: [{ refreshToken: 'y', keep: 1 }] })).toEqual({
      email: 'a@b.c',
      password: '[redacted]',
      nested: [{ refreshToken: '[redacted]', keep: 1 }],
    });
  });
});
