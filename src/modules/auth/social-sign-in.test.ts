import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { startLocalOAuthProvider, type LocalOAuthProvider } from '../../../test/oauth-provider.ts';
import { REFRESH_COOKIE } from './auth.routes.ts';
import { configuredProviders } from './oauth-providers.ts';

type Name = 'kakao' | 'naver' | 'google';
interface Reply {
  statusCode: number;
  headers: Record<string, unknown>;
  cookies: { name: string; value: string }[];
  json: () => { code?: string } & Record<string, unknown>;
}

const googleProfile = (sub: string, email: string, verified: boolean, name = '새 관객') => ({
  sub,
  email,
  email_verified: verified,
  name,
});

describe('social sign-in against a local OAuth2/OIDC server', () => {
  let idp: LocalOAuthProvider;
  let t: TestApp & { env: TestEnv };
  beforeAll(async () => {
    idp = await startLocalOAuthProvider();
    t = await setupTestApp({ ...idp.env('google'), ...idp.env('kakao'), ...idp.env('naver') });
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  const location = (res: Reply) => new URL(String(res.headers.location));
  const cookie = (res: Reply, name: string) => res.cookies.find((c) => c.name === name)?.value;

  async function start(provider: Name, query = ''): Promise<{ authorize: URL; binding: string }> {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/auth/oauth/${provider}/start${query}` });
    expect(res.statusCode).toBe(302);
    return { authorize: location(res), binding: cookie(res, 'ct_oauth')! };
  }

  /** The provider's sign-in page: the local server approves at once and redirects to our callback. */
  async function approve(authorize: URL): Promise<URL> {
    const res = await fetch(authorize, { redirect: 'manual' });
    expect(res.status).toBe(302);
    return new URL(res.headers.get('location')!);
  }

  const callback = (provider: Name, search: string, binding?: string): Promise<Reply> =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/auth/oauth/${provider}/callback${search}`,
      ...(binding && { cookies: { ct_oauth: binding } }),
    });

  async function signIn(provider: Name, query = ''): Promise<Reply> {
    const { authorize, binding } = await start(provider, query);
    return callback(provider, (await approve(authorize)).search, binding);
  }

  /** The web app's landing step: trade the refresh cookie for an access token. */
  async function refresh(res: Reply) {
    const refreshToken = cookie(res, REFRESH_COOKIE);
    expect(refreshToken).toBeTruthy();
    const session = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { [REFRESH_COOKIE]: refreshToken! },
    });
    expect(session.statusCode).toBe(200);
    return session.json() as { accessToken: string; user: { id: string; email: string; nickname: string } };
  }

  const identities = (userId: string) =>
    sql<{ provider: string; subject: string }>`
      SELECT provider, subject FROM user_identities WHERE user_id = ${userId}`.execute(t.container.db);
  const userCount = async (email: string) =>
    (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM users WHERE email = ${email}`.execute(
        t.container.db,
      )
    ).rows[0]!.n;

  it('lists the configured providers; an unknown or unconfigured one is 404', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oauth/providers' });
    expect(list.json()).toEqual({ providers: ['kakao', 'naver', 'google'] });
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oauth/line/start' });
    expect(unknown.statusCode).toBe(404);
    expect([...configuredProviders(loadConfig({ OAUTH_GOOGLE_CLIENT_ID: 'only-id' })).keys()]).toEqual([]);
  });

  it('creates a new account for a new provider account and signs it in (state + PKCE S256)', async () => {
    idp.profile = googleProfile('g-new', 'New.Fan@Example.com', true);
    const { authorize, binding } = await start('google', '?next=/performances');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('scope')).toBe('openid email profile');
    const res = await callback('google', (await approve(authorize)).search, binding);
    expect(res.statusCode).toBe(302);
    expect(location(res).pathname).toBe('/auth/callback');
    expect(location(res).searchParams.get('next')).toBe('/performances');
    const { user } = await refresh(res);
    expect(user).toMatchObject({ email: 'new.fan@example.com', nickname: '새 관객' });
    expect((await identities(user.id)).rows).toEqual([{ provider: 'google', subject: 'g-new' }]);
    // The first sign-in agreed to the terms and the privacy notice (the buttons say so), not to marketing.
    const consents = await sql<{ kind: string; granted: boolean }>`
      SELECT kind, granted FROM user_consents WHERE user_id = ${user.id} ORDER BY kind`.execute(
      t.container.db,
    );
    expect(consents.rows).toEqual([
      { kind: 'privacy', granted: true },
      { kind: 'terms', granted: true },
    ]);
    expect(idp.tokenRequests.at(-1)).toMatchObject({ client_secret: 'google-secret' });
    expect(idp.tokenRequests.at(-1)!.code_verifier).toMatch(/^[\w-]{43,128}$/);

    // The account has no password: password sign-in is refused like a wrong one.
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'new.fan@example.com', password: TEST_PASSWORD },
    });
    expect(login.json().code).toBe('INVALID_CREDENTIALS');

    // The next sign-in finds the same account through the identity.
    idp.profile = googleProfile('g-new', 'changed@example.com', true);
    expect((await refresh(await signIn('google'))).user.id).toBe(user.id);
  });

  it('joins an existing account when both sides verified the email', async () => {
    const owner = await createUser(t.container, { email: 'verified@example.com' });
    idp.profile = googleProfile('g-owner', 'Verified@example.com', true);
    const { user } = await refresh(await signIn('google'));
    expect(user.id).toBe(owner.id);
    expect((await identities(owner.id)).rows).toEqual([{ provider: 'google', subject: 'g-owner' }]);
  });

  it('joins through Kakao when Kakao says the email is valid and verified', async () => {
    const owner = await createUser(t.container, { email: 'kakao-owner@example.com' });
    idp.profile = {
      id: 4242,
      kakao_account: {
        email: 'kakao-owner@example.com',
        is_email_valid: true,
        is_email_verified: true,
        profile: { nickname: '카카오' },
      },
    };
    const { authorize, binding } = await start('kakao');
    expect(authorize.searchParams.get('code_challenge')).toBeTruthy();
    const res = await callback('kakao', (await approve(authorize)).search, binding);
    expect((await refresh(res)).user.id).toBe(owner.id);
    expect((await identities(owner.id)).rows).toEqual([{ provider: 'kakao', subject: '4242' }]);
  });

  it('does not join when the provider has not verified the email: no account, OAUTH_EMAIL_IN_USE', async () => {
    const owner = await createUser(t.container, { email: 'taken@example.com' });
    idp.profile = googleProfile('g-squatter', 'taken@example.com', false);
    const res = await signIn('google');
    expect(location(res).pathname).toBe('/login');
    expect(location(res).searchParams.get('error')).toBe('OAUTH_EMAIL_IN_USE');
    expect(cookie(res, REFRESH_COOKIE)).toBeUndefined();
    expect((await identities(owner.id)).rows).toEqual([]);
    expect(await userCount('taken@example.com')).toBe(1);

    // Naver never says an address is verified, and takes no PKCE challenge.
    idp.profile = {
      resultcode: '00',
      response: { id: 'n-1', email: 'taken@example.com', nickname: '네이버' },
    };
    const { authorize, binding } = await start('naver');
    expect(authorize.searchParams.get('code_challenge')).toBeNull();
    const naver = await callback('naver', (await approve(authorize)).search, binding);
    expect(location(naver).searchParams.get('error')).toBe('OAUTH_EMAIL_IN_USE');
  });

  it('creates an unverified account when an unverified email is free', async () => {
    idp.profile = { resultcode: '00', response: { id: 'n-free', email: 'free@example.com', name: '이름' } };
    const { user } = await refresh(await signIn('naver'));
    const row = await sql<{ email_verified_at: Date | null; password_hash: string | null }>`
      SELECT email_verified_at, password_hash FROM users WHERE id = ${user.id}`.execute(t.container.db);
    expect(row.rows[0]).toEqual({ email_verified_at: null, password_hash: null });
  });

  it('creates nothing when the provider shares no email (Kakao without the email consent)', async () => {
    idp.profile = { id: 777, kakao_account: { profile: { nickname: '이메일없음' } } };
    const res = await signIn('kakao');
    expect(location(res).pathname).toBe('/login');
    expect(location(res).searchParams.get('error')).toBe('OAUTH_EMAIL_REQUIRED');
    const rows = await sql`SELECT 1 FROM user_identities WHERE subject = '777'`.execute(t.container.db);
    expect(rows.rows).toEqual([]);
  });

  it('refuses a state it did not issue, and a callback in another browser', async () => {
    idp.profile = googleProfile('g-state', 'state@example.com', true);
    const { authorize, binding } = await start('google');
    const back = await approve(authorize);
    const forged = new URLSearchParams(back.search);
    forged.set('state', 'not-ours');
    const res = await callback('google', `?${forged}`, binding);
    expect(location(res).searchParams.get('error')).toBe('OAUTH_FAILED');

    const otherBrowser = await callback('google', back.search, 'another-binding');
    expect(location(otherBrowser).searchParams.get('error')).toBe('OAUTH_FAILED');
    expect(await userCount('state@example.com')).toBe(0);
  });

  it('fails when the PKCE verifier does not match the challenge the provider saw', async () => {
    idp.profile = googleProfile('g-pkce', 'pkce@example.com', true);
    const { authorize, binding } = await start('google');
    // The challenge of another verifier reaches the provider: the one we kept no longer fits.
    const other = createHash('sha256').update('x'.repeat(43)).digest('base64url');
    authorize.searchParams.set('code_challenge', other);
    const before = idp.tokenRequests.length;
    const res = await callback('google', (await approve(authorize)).search, binding);
    expect(location(res).searchParams.get('error')).toBe('OAUTH_FAILED');
    expect(idp.tokenRequests.length).toBe(before);
    expect(await userCount('pkce@example.com')).toBe(0);
  });

  it('goes back to the login page when the provider reports an error', async () => {
    const { authorize, binding } = await start('google');
    const res = await callback(
      'google',
      `?error=access_denied&state=${authorize.searchParams.get('state')}`,
      binding,
    );
    expect(res.statusCode).toBe(302);
    expect(location(res).pathname).toBe('/login');
    expect(location(res).searchParams.get('error')).toBe('OAUTH_FAILED');
  });

  it('answers a problem document to a client that accepts only JSON', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/oauth/google/callback?code=x&state=y',
      headers: { accept: 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('OAUTH_FAILED');
  });

  it('refuses a replayed callback and a code presented again under a new state', async () => {
    idp.profile = googleProfile('g-replay', 'replay@example.com', true);
    const { authorize, binding } = await start('google');
    const back = await approve(authorize);
    const first = await callback('google', back.search, binding);
    expect(location(first).pathname).toBe('/auth/callback');

    const replay = await callback('google', back.search, binding);
    expect(location(replay).searchParams.get('error')).toBe('OAUTH_FAILED');
    expect(cookie(replay, REFRESH_COOKIE)).toBeUndefined();

    // Even with a fresh state of its own, the used code is refused by the provider.
    const fresh = await start('google');
    const reused = new URLSearchParams(back.search);
    reused.set('state', fresh.authorize.searchParams.get('state')!);
    const again = await callback('google', `?${reused}`, fresh.binding);
    expect(location(again).searchParams.get('error')).toBe('OAUTH_FAILED');
  });

  it('links a provider while signed in, through a one-time ticket, and unlinks it', async () => {
    const member = await createUser(t.container);
    const ticketRes = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/oauth/link-tickets',
      headers: member.headers,
    });
    expect(ticketRes.statusCode).toBe(201);
    const { ticket } = ticketRes.json() as { ticket: string };
    // The provider's address differs from the account's: linking needs no email match.
    idp.profile = googleProfile('g-link', 'someone-else@example.com', false);
    const res = await signIn('google', `?link=${ticket}&next=/profile`);
    expect(location(res).pathname).toBe('/profile');
    expect(location(res).searchParams.get('linked')).toBe('google');
    expect(cookie(res, REFRESH_COOKIE)).toBeUndefined();

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users/me/identities',
      headers: member.headers,
    });
    expect(list.json()).toMatchObject({
      hasPassword: true,
      identities: [{ provider: 'google', email: 'someone-else@example.com' }],
    });

    // The ticket worked once.
    const reused = await t.app.inject({
      method: 'GET',
      url: `/api/v1/auth/oauth/google/start?link=${ticket}`,
    });
    expect(location(reused as unknown as Reply).searchParams.get('error')).toBe('OAUTH_FAILED');

    // The same provider account cannot be linked to a second account.
    const other = await createUser(t.container);
    const otherTicket = (
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/oauth/link-tickets', headers: other.headers })
    ).json() as { ticket: string };
    const taken = await signIn('google', `?link=${otherTicket.ticket}`);
    expect(location(taken).searchParams.get('error')).toBe('OAUTH_IDENTITY_TAKEN');

    const unlink = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/users/me/identities/google',
      headers: member.headers,
    });
    expect(unlink.statusCode).toBe(204);
    expect((await identities(member.id)).rows).toEqual([]);
    const missing = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/users/me/identities/google',
      headers: member.headers,
    });
    expect(missing.json().code).toBe('IDENTITY_NOT_FOUND');
  });

  it('refuses to unlink the last way to sign in (409 LAST_SIGN_IN_METHOD)', async () => {
    idp.profile = googleProfile('g-only', 'only-google@example.com', true);
    const { accessToken, user } = await refresh(await signIn('google'));
    const headers = { authorization: `Bearer ${accessToken}` };
    const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/users/me/identities/google', headers });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('LAST_SIGN_IN_METHOD');
    expect((await identities(user.id)).rows).toHaveLength(1);
  });
});
