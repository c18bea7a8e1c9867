import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { sql } from 'kysely';
import { buildApp, type App } from '../../app.ts';
import { createContainer, type Container } from '../../container.ts';
import { createTestEnv, type TestEnv } from '../../../test/context.ts';
import { createUser, TEST_PASSWORD, type TestUser } from '../../../test/factories.ts';
import { REFRESH_COOKIE } from './auth.routes.ts';

describe('roles come from the database only', () => {
  let env: TestEnv;
  let container: Container;
  let app: App;
  let user: TestUser;
  beforeAll(async () => {
    env = await createTestEnv();
    container = await createContainer(env.config(), 'api');
    // An admin-only probe route, guarded exactly like the real admin routes.
    container.apiRoutes.push(async (api) => {
      api.get('/test/admin-only', { config: { access: 'admin' } }, async (request) => ({
        userId: request.user!.id,
      }));
    });
    app = await buildApp(container);
    await app.ready();
    user = await createUser(container);
  });
  afterAll(async () => {
    await app.close();
    await container.close();
    await env.drop();
  });

  const probe = (headers: Record<string, string>) =>
    app.inject({ method: 'GET', url: '/api/v1/test/admin-only', headers });

  it('keeps a USER token out of admin routes whatever headers are sent', async () => {
    expect((await probe({})).statusCode).toBe(401);
    const forged = {
      'x-role': 'ADMIN',
      'x-user-role': 'ADMIN',
      'x-admin': 'true',
      'x-admin-code': 'letmein',
      'x-forwarded-user': 'admin',
      'x-user-id': '00000000-0000-0000-0000-000000000000',
      'x-forwarded-for': '127.0.0.1',
    };
    const res = await probe({ ...user.headers, ...forged });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('FORBIDDEN');
    expect((await probe(forged)).statusCode).toBe(401);
  });

  it('rejects tokens claiming ADMIN that we did not sign', async () => {
    const otherKey = new TextEncoder().encode('x'.repeat(40));
    const wrongKey = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setAudience('culture-ticket:access')
      .setExpirationTime('5m')
      .sign(otherKey);
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: user.id, role: 'ADMIN', aud: 'culture-ticket:access', exp: 9e9 })}.`;
    for (const token of [wrongKey, unsigned]) {
      const res = await probe({ authorization: `Bearer ${token}` });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('INVALID_TOKEN');
    }
  });

  it('reads the role from the database when tokens are minted', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(login.json().user.role).toBe('USER');
    await sql`UPDATE users SET role = 'ADMIN' WHERE id = ${user.id}`.execute(container.db);
    const cookie = login.cookies.find((c) => c.name === REFRESH_COOKIE)!.value;
    const refreshed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { [REFRESH_COOKIE]: cookie },
    });
    expect(refreshed.json().user.role).toBe('ADMIN');
    const res = await probe({ authorization: `Bearer ${refreshed.json().accessToken}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ userId: user.id });
  });
});
