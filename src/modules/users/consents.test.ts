import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { ManualClock } from '../../../test/clock.ts';
import { createUser, TEST_PASSWORD } from '../../../test/factories.ts';

/** Consents with their times, and the language of the profile. */
describe('consents and language', () => {
  let env: TestEnv;
  let t: TestApp;
  const clock = new ManualClock();

  beforeAll(async () => {
    env = await createTestEnv({ REQUIRE_EMAIL_VERIFICATION: 'false' });
    t = await createTestApp(env, {}, 'api', { clock });
  });
  afterAll(async () => {
    await t?.close();
    await env?.drop();
  });

  const signIn = async (email: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    return { authorization: `Bearer ${res.json().accessToken as string}` };
  };
  const me = async (headers: { authorization: string }) =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers })).json();
  const patch = (headers: { authorization: string }, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'PATCH', url: '/api/v1/users/me', headers, payload });
  const marketingLog = (userId: string) =>
    t.container.db
      .selectFrom('user_consents')
      .select(['granted', 'at'])
      .where('user_id', '=', userId)
      .where('kind', '=', 'marketing')
      .orderBy('id')
      .execute();

  it('signup records terms, privacy and marketing with the server time', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: {
        email: 'consents@example.com',
        password: TEST_PASSWORD,
        nickname: '동의',
        consents: { terms: true, privacy: true, marketing: true },
      },
    });
    expect(res.statusCode).toBe(201);
    const at = clock.now().toISOString();
    expect(res.json()).toMatchObject({ termsAgreedAt: at, privacyAgreedAt: at, language: 'ko' });
    const profile = await me(await signIn('consents@example.com'));
    expect(profile.consents).toEqual({ terms: at, privacy: at, marketing: { granted: true, at } });
    const log = await t.container.db
      .selectFrom('user_consents')
      .select(['kind', 'granted'])
      .where('user_id', '=', profile.id)
      .orderBy('kind')
      .execute();
    expect(log).toEqual([
      { kind: 'marketing', granted: true },
      { kind: 'privacy', granted: true },
      { kind: 'terms', granted: true },
    ]);
  });

  it('without a choice, marketing is off and has no time', async () => {
    const user = await createUser(t.container);
    expect((await me(await signIn(user.email))).consents).toEqual({ marketing: { granted: false } });
  });

  it('each marketing change is logged with its time; saving the same choice again is not a change', async () => {
    const user = await createUser(t.container);
    const headers = await signIn(user.email);

    const on = await patch(headers, { consents: { marketing: true } });
    expect(on.statusCode).toBe(200);
    const onAt = clock.now().toISOString();
    expect(on.json().consents.marketing).toEqual({ granted: true, at: onAt });

    clock.advance(3_600_000);
    expect((await patch(headers, { consents: { marketing: true } })).statusCode).toBe(200);
    clock.advance(3_600_000);
    const off = await patch(headers, { consents: { marketing: false } });
    const offAt = clock.now().toISOString();
    expect(off.json().consents.marketing).toEqual({ granted: false, at: offAt });
    expect((await me(headers)).consents.marketing).toEqual({ granted: false, at: offAt });

    const log = await marketingLog(user.id);
    expect(log.map((r) => [r.granted, r.at.toISOString()])).toEqual([
      [true, onAt],
      [false, offAt],
    ]);
  });

  it('the language is ko by default and can be changed to en', async () => {
    const user = await createUser(t.container);
    const headers = await signIn(user.email);
    expect((await me(headers)).language).toBe('ko');
    const res = await patch(headers, { language: 'en' });
    expect(res.statusCode).toBe(200);
    expect(res.json().language).toBe('en');
    expect((await patch(headers, { language: 'fr' })).statusCode).toBe(400);
  });
});
