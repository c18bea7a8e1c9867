import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, TEST_PASSWORD, type TestUser } from '../../../test/factories.ts';
import { waitFor } from '../../../test/processes.ts';
import { REFRESH_COOKIE } from './auth.routes.ts';

/** "Within seconds" (API.md): an ended session's token must be refused on every instance within 5 s. */
const PUSH_BOUND_MS = 5_000;

interface SignedIn {
  token: string;
  cookie: string;
}

/**
 * Two API instances over one database and one Redis prefix, as behind the load balancer. A session
 * ended on one must be refused on the other without any store call per request.
 */
describe('ended sessions reach every instance', () => {
  let env: TestEnv;
  let a: TestApp;
  let b: TestApp;
  const late: TestApp[] = [];

  beforeAll(async () => {
    env = await createTestEnv();
    [a, b] = await Promise.all([createTestApp(env), createTestApp(env)]);
  });
  afterAll(async () => {
    for (const t of [a, b, ...late]) await t?.close();
    await env?.drop();
  });

  async function signIn(on: TestApp, user: TestUser): Promise<SignedIn> {
    const res = await on.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === REFRESH_COOKIE)!.value;
    return { token: res.json().accessToken as string, cookie };
  }
  const me = async (on: TestApp, token: string) =>
    (
      await on.app.inject({
        method: 'GET',
        url: '/api/v1/users/me',
        headers: { authorization: `Bearer ${token}` },
      })
    ).statusCode;
  const refused = (on: TestApp, token: string, what: string) =>
    waitFor(what, async () => (await me(on, token)) === 401, PUSH_BOUND_MS);
  const refresh = async (on: TestApp, cookie: string) =>
    (
      await on.app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        cookies: { [REFRESH_COOKIE]: cookie },
      })
    ).statusCode;

  it('logout on one instance refuses the access token on the other, and only that session', async () => {
    const user = await createUser(a.container);
    const ended = await signIn(a, user);
    const other = await signIn(b, user);
    // B has verified (and cached) the token before the logout: the cache must not let it through.
    expect(await me(b, ended.token)).toBe(200);

    const logout = await a.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { [REFRESH_COOKIE]: ended.cookie },
    });
    expect(logout.statusCode).toBe(204);
    expect(await me(a, ended.token)).toBe(401);
    await refused(b, ended.token, 'the logged-out token refused on instance B');
    expect(await refresh(b, ended.cookie)).toBe(401);

    expect(await me(a, other.token)).toBe(200);
    expect(await me(b, other.token)).toBe(200);
    expect(await refresh(a, other.cookie)).toBe(200);
  });

  it('a password change ends every other session of the account, on every instance', async () => {
    const user = await createUser(a.container);
    const current = await signIn(a, user);
    const elsewhere = await signIn(b, user);
    expect(await me(b, elsewhere.token)).toBe(200);

    const change = await a.app.inject({
      method: 'PATCH',
      url: '/api/v1/users/me',
      headers: { authorization: `Bearer ${current.token}` },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-new-passphrase-9' },
    });
    expect(change.statusCode).toBe(200);
    await refused(b, elsewhere.token, 'the other session refused on instance B');
    expect(await me(a, elsewhere.token)).toBe(401);
    expect(await refresh(b, elsewhere.cookie)).toBe(401);
    // The device that changed the password stays signed in.
    expect(await me(b, current.token)).toBe(200);
    expect(await refresh(a, current.cookie)).toBe(200);
  });

  it('endAllSessions refuses every earlier token of the user, and no one else’s', async () => {
    const user = await createUser(a.container);
    const bystander = await createUser(a.container);
    const first = await signIn(a, user);
    const second = await signIn(b, user);
    const theirs = await signIn(b, bystander);

    await a.container.sessions.endAllSessions(user.id);
    for (const s of [first, second]) {
      await refused(b, s.token, 'the user’s tokens refused on instance B');
      expect(await me(a, s.token)).toBe(401);
      expect(await refresh(b, s.cookie)).toBe(401);
    }
    expect(await me(b, theirs.token)).toBe(200);
    // Signing in again starts a new session that works.
    const again = await signIn(b, user);
    expect(await me(a, again.token)).toBe(200);
  });

  it('an instance started after the logout refuses the token too', async () => {
    const user = await createUser(a.container);
    const s = await signIn(a, user);
    const logout = await a.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { [REFRESH_COOKIE]: s.cookie },
    });
    expect(logout.statusCode).toBe(204);

    const fresh = await createTestApp(env);
    late.push(fresh);
    expect(await me(fresh, s.token)).toBe(401);
  });

  // On Redis Cluster the subscriber's connection is on whichever node it chose: single Redis only.
  it.skipIf(process.env.REDIS_CLUSTER_NODES)(
    'an instance whose subscription dropped catches up on reconnect',
    async () => {
      const user = await createUser(a.container);
      const s = await signIn(a, user);
      expect(await me(b, s.token)).toBe(200);
      // Drop this file's ended-session subscribers (by their connection name), and end the session
      // while they reconnect: a message published meanwhile is lost, the reload on reconnect is not.
      const name = `${env.redisPrefix}sessions:ended:subscriber`.replace(/[^\w:.-]/g, '_');
      const clients = String(await a.container.redis.call('CLIENT', 'LIST', 'TYPE', 'pubsub'));
      const ids = clients
        .split('\n')
        .filter((line) => line.includes(` name=${name} `))
        .map((line) => /\bid=(\d+)/.exec(line)?.[1])
        .filter((id): id is string => id !== undefined);
      expect(ids.length).toBeGreaterThanOrEqual(2);
      for (const id of ids) await a.container.redis.call('CLIENT', 'KILL', 'ID', id);
      const logout = await a.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        cookies: { [REFRESH_COOKIE]: s.cookie },
      });
      expect(logout.statusCode).toBe(204);
      await refused(b, s.token, 'the token refused on instance B after its subscriber reconnected');
    },
  );

  it('a replayed refresh token ends its session’s access tokens as well', async () => {
    const user = await createUser(a.container);
    const s = await signIn(a, user);
    expect(await refresh(a, s.cookie)).toBe(200);
    // Past the reuse grace the old cookie again means a copy exists: the family is revoked.
    await a.container.db
      .updateTable('refresh_tokens')
      .set({ used_at: new Date(Date.now() - 3_600_000) })
      .where('used_at', 'is not', null)
      .where('user_id', '=', user.id)
      .execute();
    expect(await refresh(a, s.cookie)).toBe(401);
    await refused(b, s.token, 'the replayed session’s token refused on instance B');
  });
});
