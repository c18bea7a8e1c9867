import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, TEST_PASSWORD, type TestUser } from '../../../test/factories.ts';
import { waitFor } from '../../../test/processes.ts';
import { REFRESH_COOKIE } from './auth.routes.ts';
import { deviceLabel, maskAddress } from './device-label.ts';

/** "Within seconds" (API.md): an ended session's token must be refused on every instance within 5 s. */
const PUSH_BOUND_MS = 5_000;

const MAC_CHROME =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

interface SignedIn {
  token: string;
  cookie: string;
  sessionId: string;
}

interface DeviceRow {
  id: string;
  device: string;
  address: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

describe('device labels and addresses', () => {
  it('names the browser and the system, browsers that also claim Chrome or Safari first', () => {
    expect(deviceLabel(MAC_CHROME)).toBe('Chrome · macOS');
    expect(deviceLabel(IPHONE_SAFARI)).toBe('Safari · iOS');
    expect(
      deviceLabel(
        'Mozilla/5.0 (Linux; Android 14; SM-S918N) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
      ),
    ).toBe('Samsung Internet · Android');
    expect(
      deviceLabel(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      ),
    ).toBe('Edge · Windows');
    expect(deviceLabel(undefined)).toBe('');
    expect(deviceLabel('curl/8.5.0')).toBe('');
  });

  it('masks the last part of an address', () => {
    expect(maskAddress('203.0.113.45')).toBe('203.0.113.*');
    expect(maskAddress('::ffff:198.51.100.7')).toBe('198.51.100.*');
    expect(maskAddress('2001:db8:85a3::8a2e:370:7334')).toBe('2001:db8:85a3:*');
  });
});

/** Two API instances over one database and one Redis prefix, as behind the load balancer. */
describe('signed-in devices', () => {
  let env: TestEnv;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    env = await createTestEnv();
    [a, b] = await Promise.all([createTestApp(env), createTestApp(env)]);
  });
  afterAll(async () => {
    for (const t of [a, b]) await t?.close();
    await env?.drop();
  });

  async function signIn(on: TestApp, user: TestUser, userAgent = MAC_CHROME, ip = '203.0.113.45') {
    const res = await on.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: ip,
      headers: { 'user-agent': userAgent },
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const token = res.json().accessToken as string;
    const claims = await on.container.tokens.verify(token);
    const cookie = res.cookies.find((c) => c.name === REFRESH_COOKIE)!.value;
    return { token, cookie, sessionId: claims.sessionId } satisfies SignedIn;
  }
  const auth = (s: SignedIn) => ({ authorization: `Bearer ${s.token}` });
  const devices = async (on: TestApp, s: SignedIn) => {
    const res = await on.app.inject({ method: 'GET', url: '/api/v1/users/me/sessions', headers: auth(s) });
    expect(res.statusCode).toBe(200);
    return res.json() as DeviceRow[];
  };
  const me = async (on: TestApp, token: string) =>
    (
      await on.app.inject({
        method: 'GET',
        url: '/api/v1/users/me',
        headers: { authorization: `Bearer ${token}` },
      })
    ).statusCode;
  const refresh = (on: TestApp, cookie: string, ip = '198.51.100.7') =>
    on.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      remoteAddress: ip,
      cookies: { [REFRESH_COOKIE]: cookie },
    });
  const refused = (on: TestApp, token: string, what: string) =>
    waitFor(what, async () => (await me(on, token)) === 401, PUSH_BOUND_MS);

  it('lists each session with its device, masked address and times, this one marked current', async () => {
    const user = await createUser(a.container);
    const laptop = await signIn(a, user, MAC_CHROME, '203.0.113.45');
    const phone = await signIn(b, user, IPHONE_SAFARI, '198.51.100.20');

    const list = await devices(a, laptop);
    expect(list).toHaveLength(2);
    const mine = list.find((d) => d.id === laptop.sessionId)!;
    expect(mine).toMatchObject({ device: 'Chrome · macOS', address: '203.0.113.*', current: true });
    expect(list.find((d) => d.id === phone.sessionId)).toMatchObject({
      device: 'Safari · iOS',
      address: '198.51.100.*',
      current: false,
    });
    expect(Date.parse(mine.createdAt)).toBeLessThanOrEqual(Date.parse(mine.lastSeenAt));

    // A refresh is the "last seen", from where it came; requests in between are not recorded.
    const refreshed = await refresh(b, phone.cookie, '192.0.2.9');
    expect(refreshed.statusCode).toBe(200);
    const after = (await devices(a, laptop)).find((d) => d.id === phone.sessionId)!;
    expect(after.address).toBe('192.0.2.*');
    expect(Date.parse(after.lastSeenAt)).toBeGreaterThanOrEqual(
      Date.parse(list.find((d) => d.id === phone.sessionId)!.lastSeenAt),
    );
    // A rotated token does not make a second entry.
    expect(await devices(a, laptop)).toHaveLength(2);
  });

  it('ending one session refuses its access token on the other instance and its refresh', async () => {
    const user = await createUser(a.container);
    const current = await signIn(a, user);
    const other = await signIn(b, user, IPHONE_SAFARI);
    expect(await me(b, other.token)).toBe(200);

    const end = await a.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/me/sessions/${other.sessionId}`,
      headers: auth(current),
    });
    expect(end.statusCode).toBe(204);
    await refused(b, other.token, 'the ended session refused on instance B');
    expect(await me(a, other.token)).toBe(401);
    expect((await refresh(b, other.cookie)).statusCode).toBe(401);

    expect(await me(b, current.token)).toBe(200);
    expect((await devices(b, current)).map((d) => d.id)).toEqual([current.sessionId]);
  });

  it('"end all others" keeps the current session', async () => {
    const user = await createUser(a.container);
    const current = await signIn(a, user);
    const others = [await signIn(b, user, IPHONE_SAFARI), await signIn(a, user)];

    const end = await b.app.inject({
      method: 'DELETE',
      url: '/api/v1/users/me/sessions',
      headers: auth(current),
    });
    expect(end.statusCode).toBe(204);
    for (const s of others) {
      await refused(a, s.token, 'the other sessions refused on instance A');
      expect(await me(b, s.token)).toBe(401);
      expect((await refresh(a, s.cookie)).statusCode).toBe(401);
    }
    expect(await me(a, current.token)).toBe(200);
    expect((await refresh(b, current.cookie)).statusCode).toBe(200);
    const left = await devices(a, current);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ id: current.sessionId, current: true });
  });

  it("another user's session is not found, and stays signed in", async () => {
    const [user, stranger] = [await createUser(a.container), await createUser(a.container)];
    const mine = await signIn(a, user);
    const theirs = await signIn(a, stranger);
    const res = await a.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/me/sessions/${theirs.sessionId}`,
      headers: auth(mine),
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('SESSION_NOT_FOUND');
    expect(await me(b, theirs.token)).toBe(200);
    expect((await refresh(a, theirs.cookie)).statusCode).toBe(200);
  });
});
