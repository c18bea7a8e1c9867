import * as oidc from 'openid-client';
import type { Config } from '../../config.ts';

export const PROVIDERS = ['kakao', 'naver', 'google'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/** What a provider tells us about the person who signed in. */
export interface ProviderProfile {
  subject: string;
  email?: string;
  /** Only true when the provider itself says it checked the address. */
  emailVerified: boolean;
  nickname?: string;
}

interface Endpoints {
  issuer: string;
  authorize: string;
  token: string;
  userinfo: string;
}

interface ProviderSpec {
  endpoints: Endpoints;
  scopes: string[];
  /** Naver's login does not take a PKCE challenge; Kakao and Google do. */
  pkce: boolean;
  profile(body: unknown): ProviderProfile | undefined;
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;
const subjectOf = (value: unknown): string | undefined =>
  typeof value === 'number' ? String(value) : text(value);

const SPECS: Record<ProviderName, ProviderSpec> = {
  kakao: {
    endpoints: {
      issuer: 'https://kauth.kakao.com',
      authorize: 'https://kauth.kakao.com/oauth/authorize',
      token: 'https://kauth.kakao.com/oauth/token',
      userinfo: 'https://kapi.kakao.com/v2/user/me',
    },
    scopes: ['account_email', 'profile_nickname'],
    pkce: true,
    profile(body) {
      const b = record(body);
      const account = record(b.kakao_account);
      const subject = subjectOf(b.id);
      if (!subject) return undefined;
      return {
        subject,
        email: text(account.email),
        // Kakao vouches for an address only when it is both valid and verified.
        emailVerified: account.is_email_valid === true && account.is_email_verified === true,
        nickname: text(record(account.profile).nickname),
      };
    },
  },
  naver: {
    endpoints: {
      issuer: 'https://nid.naver.com',
      authorize: 'https://nid.naver.com/oauth2.0/authorize',
      token: 'https://nid.naver.com/oauth2.0/token',
      userinfo: 'https://openapi.naver.com/v1/nid/me',
    },
    scopes: [],
    pkce: false,
    profile(body) {
      const r = record(record(body).response);
      const subject = subjectOf(r.id);
      if (!subject) return undefined;
      // Naver's profile API has no "verified" flag, so its address never joins an existing account.
      return {
        subject,
        email: text(r.email),
        emailVerified: false,
        nickname: text(r.nickname) ?? text(r.name),
      };
    },
  },
  google: {
    endpoints: {
      issuer: 'https://accounts.google.com',
      authorize: 'https://accounts.google.com/o/oauth2/v2/auth',
      token: 'https://oauth2.googleapis.com/token',
      userinfo: 'https://openidconnect.googleapis.com/v1/userinfo',
    },
    scopes: ['openid', 'email', 'profile'],
    pkce: true,
    profile(body) {
      const b = record(body);
      const subject = subjectOf(b.sub);
      if (!subject) return undefined;
      return {
        subject,
        email: text(b.email),
        emailVerified: b.email_verified === true || b.email_verified === 'true',
        nickname: text(b.name) ?? text(b.given_name),
      };
    },
  },
};

/** One configured provider: the authorization URL out, and the callback traded for a profile. */
export class OAuthProvider {
  private readonly client: oidc.Configuration;

  constructor(
    readonly name: ProviderName,
    private readonly spec: ProviderSpec,
    readonly redirectUri: string,
    clientId: string,
    clientSecret: string,
  ) {
    const e = spec.endpoints;
    // Kakao and Naver want the secret in the form body; Google takes it there too.
    this.client = new oidc.Configuration(
      {
        issuer: e.issuer,
        authorization_endpoint: e.authorize,
        token_endpoint: e.token,
        userinfo_endpoint: e.userinfo,
      },
      clientId,
      { redirect_uris: [redirectUri] },
      oidc.ClientSecretPost(clientSecret),
    );
    if (new URL(e.token).protocol === 'http:') oidc.allowInsecureRequests(this.client);
  }

  get usesPkce(): boolean {
    return this.spec.pkce;
  }

  async authorizationUrl(state: string, codeVerifier: string): Promise<URL> {
    const params: Record<string, string> = { redirect_uri: this.redirectUri, response_type: 'code', state };
    if (this.spec.scopes.length > 0) params.scope = this.spec.scopes.join(' ');
    if (this.spec.pkce) {
      params.code_challenge = await oidc.calculatePKCECodeChallenge(codeVerifier);
      params.code_challenge_method = 'S256';
    }
    return oidc.buildAuthorizationUrl(this.client, params);
  }

  /**
   * Trades the code of the callback for tokens (with the PKCE verifier where the provider takes one)
   * and reads the profile. Throws on any refusal: an error in the callback, a wrong verifier, a code
   * already used, a profile without a subject.
   */
  async profile(
    callbackQuery: URLSearchParams,
    state: string,
    codeVerifier: string,
  ): Promise<ProviderProfile> {
    const currentUrl = new URL(this.redirectUri);
    currentUrl.search = callbackQuery.toString();
    const tokens = await oidc.authorizationCodeGrant(
      this.client,
      currentUrl,
      { expectedState: state, ...(this.spec.pkce && { pkceCodeVerifier: codeVerifier }) },
      { redirect_uri: this.redirectUri },
    );
    const response = await oidc.fetchProtectedResource(
      this.client,
      tokens.access_token,
      new URL(this.spec.endpoints.userinfo),
      'GET',
    );
    if (!response.ok) throw new Error(`${this.name} profile request answered ${response.status}`);
    const profile = this.spec.profile(await response.json());
    if (!profile) throw new Error(`${this.name} profile has no subject`);
    return profile;
  }
}

/** The providers whose client id and secret are set; the others do not exist for the API. */
export function configuredProviders(config: Config): Map<ProviderName, OAuthProvider> {
  const out = new Map<ProviderName, OAuthProvider>();
  const settings = {
    kakao: [
      config.OAUTH_KAKAO_CLIENT_ID,
      config.OAUTH_KAKAO_CLIENT_SECRET,
      config.OAUTH_KAKAO_REDIRECT_URI,
      config.OAUTH_KAKAO_ENDPOINTS,
    ],
    naver: [
      config.OAUTH_NAVER_CLIENT_ID,
      config.OAUTH_NAVER_CLIENT_SECRET,
      config.OAUTH_NAVER_REDIRECT_URI,
      config.OAUTH_NAVER_ENDPOINTS,
    ],
    google: [
      config.OAUTH_GOOGLE_CLIENT_ID,
      config.OAUTH_GOOGLE_CLIENT_SECRET,
      config.OAUTH_GOOGLE_REDIRECT_URI,
      config.OAUTH_GOOGLE_ENDPOINTS,
    ],
  } as const;
  for (const name of PROVIDERS) {
    const [clientId, secret, redirect, overrides] = settings[name];
    if (!clientId || !secret) continue;
    const spec = overrides ? withEndpoints(SPECS[name], overrides, name) : SPECS[name];
    const redirectUri = redirect ?? new URL(`/api/v1/auth/oauth/${name}/callback`, config.PUBLIC_URL).href;
    out.set(name, new OAuthProvider(name, spec, redirectUri, clientId, secret));
  }
  return out;
}

function withEndpoints(spec: ProviderSpec, urls: readonly string[], name: ProviderName): ProviderSpec {
  const [authorize, token, userinfo] = urls;
  if (!authorize || !token || !userinfo || urls.length !== 3) {
    throw new Error(`OAUTH_${name.toUpperCase()}_ENDPOINTS must be three URLs: authorize,token,userinfo`);
  }
  return { ...spec, endpoints: { issuer: new URL(authorize).origin, authorize, token, userinfo } };
}
