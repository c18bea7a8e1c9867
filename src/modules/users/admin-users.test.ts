import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, TEST_PASSWORD, type TestUser } from '../../../test/factories.ts';
import { waitFor } from '../../../test/processes.ts';
import { REFRESH_COOKIE } from '../auth/auth.routes.ts';

/** "Within seconds": a suspended user's token must be refused on every instance within 5 s. */
const PUSH_BOUND_MS = 5_000;

/** Two API instances over one database and one Redis prefix, as behind the load balancer. */
describe('users desk', () => {
  let env: TestEnv;
  let a: TestApp;
  let b: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    env = await createTestEnv();
    [a, b] = await Promise.all([createTestApp(env), createTestApp(env)]);
    admin = await createUser(a.container, { role: 'ADMIN' });
  });
  afterAll(async () => {
    for (const t of [a, b]) await t?.close();
    await env?.drop();
  });

  const login = (on: TestApp, user: TestUser) =>
    on.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
  const me = async (on: TestApp, token: string) =>
    (
      await on.app.inject({
        method: 'GET',
        url: '/api/v1/users/me',
        headers: { authorization: `Bearer ${token}` },
      })
    ).statusCode;
  const patch = (id: string, payload: object, who: TestUser = admin) =>
    a.app.inject({ method: 'PATCH', url: `/api/v1/admin/users/${id}`, headers: who.headers, payload });

  it('finds accounts by email, nickname and phone', async () => {
    const u = await createUser(a.container, { nickname: '박무대', email: `park-${Date.now()}@example.com` });
    await sql`UPDATE users SET phone = '010-2222-3333' WHERE id = ${u.id}`.execute(a.container.db);
    const find = async (q: string) =>
      (
        await a.app.inject({
          method: 'GET',
          url: `/api/v1/admin/users?q=${encodeURIComponent(q)}`,
          headers: admin.headers,
        })
      )
        .json<{ items: { id: string }[] }>()
        .items.map((i) => i.id);
    expect(await find('박무대')).toEqual([u.id]);
    expect(await find(u.email.toUpperCase())).toEqual([u.id]);
    expect(await find('01022223333')).toEqual([u.id]);
    expect(await find('2222-3333')).toEqual([u.id]);
  });

  it("a suspended user's next request is 401 within seconds on the other instance, and they cannot sign in", async () => {
    const user = await createUser(a.container);
    const signedIn = await login(b, user);
    expect(signedIn.statusCode).toBe(200);
    const token = signedIn.json().accessToken as string;
    const cookie = signedIn.cookies.find((c) => c.name === REFRESH_COOKIE)!.value;
    expect(await me(b, token)).toBe(200);

    const res = await patch(user.id, { suspended: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: user.id, suspended: true, role: 'USER' });

    await waitFor(
      'the suspended session refused on instance B',
      async () => (await me(b, token)) === 401,
      PUSH_BOUND_MS,
    );
    const again = await login(a, user);
    expect(again.statusCode).toBe(403);
    expect(again.json().code).toBe('ACCOUNT_SUSPENDED');
    const refreshed = await b.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { [REFRESH_COOKIE]: cookie },
    });
    expect(refreshed.statusCode).toBe(401);

    // Lifted: signing in works again.
    expect((await patch(user.id, { suspended: false })).json().suspended).toBe(false);
    expect((await login(a, user)).statusCode).toBe(200);
  });

  it('promotes to STAFF (sessions end so the next token carries the role) and records before and after', async () => {
    const user = await createUser(a.container);
    const signedIn = await login(a, user);
    const token = signedIn.json().accessToken as string;
    const res = await patch(user.id, { role: 'STAFF' });
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('STAFF');
    await waitFor('the old token refused', async () => (await me(b, token)) === 401, PUSH_BOUND_MS);
    const fresh = await login(b, user);
    expect(fresh.json().user.role).toBe('STAFF');
    const audit = await sql<{ action: string; actor_id: string; before: unknown; after: unknown }>`
      SELECT action, actor_id, before, after FROM audit_log WHERE target_id = ${user.id}`.execute(
      a.container.db,
    );
    expect(audit.rows).toEqual([
      {
        action: 'user.update',
        actor_id: admin.id,
        before: { role: 'USER', suspended: false },
        after: { role: 'STAFF', suspended: false },
      },
    ]);
    // The same value again changes nothing and records nothing.
    expect((await patch(user.id, { role: 'STAFF' })).statusCode).toBe(200);
    const n = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_log WHERE target_id = ${user.id}`.execute(a.container.db);
    expect(n.rows[0]!.n).toBe(1);
  });

  it('an admin cannot suspend or demote themselves', async () => {
    for (const body of [{ suspended: true }, { role: 'USER' }, { role: 'STAFF' }]) {
      const res = await patch(admin.id, body);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('CANNOT_CHANGE_OWN_ACCOUNT');
    }
    const row = await sql<{ role: string; suspended_at: Date | null }>`
      SELECT role, suspended_at FROM users WHERE id = ${admin.id}`.execute(a.container.db);
    expect(row.rows[0]).toEqual({ role: 'ADMIN', suspended_at: null });
    expect((await patch(crypto.randomUUID(), { suspended: true })).statusCode).toBe(404);
  });
});
