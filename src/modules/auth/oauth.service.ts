import { createHash, randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { AppError, type ErrorCode } from '../../errors.ts';
import type { Db } from '../../infra/db.ts';
import type { Logger } from '../../infra/logger.ts';
import type { PublicUser, UsersService } from '../users/index.ts';
import type { AuthService, Session } from './auth.service.ts';
import type { SessionClient } from './sessions.ts';
import { normalizeEmail } from './auth.service.ts';
import type { IdentitiesRepository } from './identities.repository.ts';
import type { OAuthProvider, ProviderName, ProviderProfile } from './oauth-providers.ts';
import type { OAuthRedis, PendingSignIn } from './oauth.redis.ts';

export const OAUTH_POLICY = {
  /** How long the provider's page may take: state and verifier are forgotten after this. */
  pendingTtlSeconds: 10 * 60,
  /** A link ticket only has to survive the click that follows it. */
  linkTicketTtlSeconds: 60,
} as const;

const sha256 = (value: string): string => createHash('sha256').update(value).digest('base64url');

/**
 * A failed sign-in or link. The browser is sent back to `landing` (the login page, or the page a link
 * started from) with `?error=<code>`.
 */
export class SocialSignInError extends AppError {
  constructor(
    code: ErrorCode,
    readonly landing: string,
    detail?: string,
  ) {
    super(code, detail);
  }
}

export type CallbackOutcome =
  { result: 'signed-in'; session: Session; next: string } | { result: 'linked'; next: string };

export interface IdentityView {
  provider: ProviderName;
  email?: string;
  linkedAt: string;
}

/** Only a path of the web app; anything else (another site, `//host`) lands on the home page. */
export function safeNext(next: string | undefined, fallback: string): string {
  return next && /^\/(?![/\\])/.test(next) && !/[\\\s]/.test(next) ? next : fallback;
}

export const LOGIN_PATH = '/login';

export interface OAuthDeps {
  db: Db;
  providers: Map<ProviderName, OAuthProvider>;
  store: OAuthRedis;
  identities: IdentitiesRepository;
  users: UsersService;
  auth: AuthService;
  log: Logger;
}

/**
 * Social sign-in with Kakao, Naver and Google: authorization code with state (and PKCE where the
 * provider takes it), the pending sign-in kept in Redis for one use. A provider account joins an
 * existing account only when the provider vouches for the email and that account's email is verified.
 */
export class OAuthService {
  constructor(private readonly d: OAuthDeps) {}

  configured(): ProviderName[] {
    return [...this.d.providers.keys()];
  }

  private provider(name: string): OAuthProvider {
    const provider = this.d.providers.get(name as ProviderName);
    if (!provider) throw new AppError('NOT_FOUND', `No sign-in with ${name} here`);
    return provider;
  }

  /** A single-use ticket that lets the next full-page start link a provider to this user. */
  async linkTicket(userId: string): Promise<string> {
    const ticket = randomBytes(24).toString('base64url');
    await this.d.store.saveLinkTicket(sha256(ticket), userId, OAUTH_POLICY.linkTicketTtlSeconds);
    return ticket;
  }

  /**
   * Where to send the browser, and the value of its binding cookie. `linkTicket` (from linkTicket())
   * makes this a link to the ticket's user instead of a sign-in.
   */
  async start(
    name: string,
    opts: { linkTicket?: string; next?: string },
  ): Promise<{ redirectTo: string; browserBinding: string }> {
    const provider = this.provider(name);
    let linkUserId: string | undefined;
    if (opts.linkTicket !== undefined) {
      linkUserId = await this.d.store.takeLinkTicket(sha256(opts.linkTicket));
      const landing = safeNext(opts.next, '/profile');
      if (!linkUserId)
        throw new SocialSignInError('OAUTH_FAILED', landing, 'The link ticket is unknown or used');
    }
    const state = oidc.randomState();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const browserBinding = randomBytes(24).toString('base64url');
    const pending: PendingSignIn = {
      provider: provider.name,
      codeVerifier,
      browserHash: sha256(browserBinding),
      next: safeNext(opts.next, linkUserId ? '/profile' : '/'),
      ...(linkUserId && { linkUserId }),
    };
    await this.d.store.savePending(state, pending, OAUTH_POLICY.pendingTtlSeconds);
    const url = await provider.authorizationUrl(state, codeVerifier);
    return { redirectTo: url.href, browserBinding };
  }

  /** The provider sent the browser back: trade the code, then sign in, join, create or link. */
  async callback(
    name: string,
    query: URLSearchParams,
    browserBinding: string | undefined,
    client: SessionClient,
  ): Promise<CallbackOutcome> {
    const provider = this.provider(name);
    const state = query.get('state');
    const pending = state ? await this.d.store.takePending(state) : undefined;
    const fail = (code: ErrorCode, why: string, landing = LOGIN_PATH): never => {
      this.d.log.info({ provider: name, why }, 'social sign-in refused');
      throw new SocialSignInError(code, landing, why);
    };
    if (!state || !pending) return fail('OAUTH_FAILED', 'unknown, expired or used state');
    const landing = pending.linkUserId ? pending.next : LOGIN_PATH;
    if (pending.provider !== provider.name) return fail('OAUTH_FAILED', 'state of another provider', landing);
    if (!browserBinding || sha256(browserBinding) !== pending.browserHash) {
      return fail('OAUTH_FAILED', 'callback in another browser than the start', landing);
    }
    if (query.has('error')) return fail('OAUTH_FAILED', `provider answered ${query.get('error')}`, landing);
    let profile: ProviderProfile;
    try {
      profile = await provider.profile(query, state, pending.codeVerifier);
    } catch (err) {
      this.d.log.warn({ err, provider: name }, 'social sign-in: code exchange or profile failed');
      return fail('OAUTH_FAILED', 'the provider refused the code', landing);
    }
    const email = profile.email ? normalizeEmail(profile.email) : undefined;
    if (pending.linkUserId) {
      const linked = await this.d.identities.insert(this.d.db, {
        userId: pending.linkUserId,
        provider: provider.name,
        subject: profile.subject,
        email: email ?? null,
        emailVerified: profile.emailVerified,
      });
      if (linked === 'taken') {
        const existing = await this.d.identities.find(this.d.db, provider.name, profile.subject);
        if (existing?.user_id !== pending.linkUserId)
          return fail('OAUTH_IDENTITY_TAKEN', 'linked elsewhere', landing);
      }
      return { result: 'linked', next: pending.next };
    }
    const user = await this.accountFor(provider.name, profile, email, fail);
    return { result: 'signed-in', session: await this.d.auth.startSession(user, client), next: pending.next };
  }

  /** The account this provider account signs in to: linked before, joined by verified email, or new. */
  private async accountFor(
    provider: ProviderName,
    profile: ProviderProfile,
    email: string | undefined,
    fail: (code: ErrorCode, why: string) => never,
  ): Promise<PublicUser> {
    const linked = await this.d.identities.find(this.d.db, provider, profile.subject);
    if (linked) {
      const user = await this.d.users.findById(linked.user_id);
      return user ?? fail('OAUTH_FAILED', 'linked account is gone');
    }
    if (!email) return fail('OAUTH_EMAIL_REQUIRED', 'no email in the profile');
    const identity = { provider, subject: profile.subject, email, emailVerified: profile.emailVerified };
    const existing = await this.d.users.accountForEmail(email);
    if (existing) {
      // Anyone can put any address on a provider account; only both sides verifying it proves one owner.
      if (!profile.emailVerified || !existing.emailVerified) {
        return fail('OAUTH_EMAIL_IN_USE', 'email of an account, not verified on both sides');
      }
      if (
        (await this.d.identities.insert(this.d.db, { ...identity, userId: existing.user.id })) === 'taken'
      ) {
        return fail('OAUTH_IDENTITY_TAKEN', 'the account links another account of this provider');
      }
      return existing.user;
    }
    const user = await this.d.users.create({
      email,
      passwordHash: null,
      nickname: nicknameFrom(profile, email),
      emailVerified: profile.emailVerified,
      // The sign-in buttons say that a first sign-in agrees to the terms and the privacy notice: recorded
      // with its time, as signup records the ticked boxes. Marketing stays off until the profile turns it on.
      agreedToTerms: true,
      agreedToPrivacy: true,
    });
    if ((await this.d.identities.insert(this.d.db, { ...identity, userId: user.id })) === 'taken') {
      return fail('OAUTH_FAILED', 'the same provider account signed up twice at once');
    }
    return user;
  }

  async list(userId: string): Promise<{ identities: IdentityView[]; hasPassword: boolean }> {
    const rows = await this.d.identities.listForUser(this.d.db, userId);
    return {
      identities: rows.map((r) => ({
        provider: r.provider,
        ...(r.email !== null && { email: r.email }),
        linkedAt: r.created_at.toISOString(),
      })),
      hasPassword: await this.d.users.hasPassword(userId),
    };
  }

  /** Unlinks a provider unless it is the account's last way to sign in. */
  async unlink(userId: string, provider: string): Promise<void> {
    const hasPassword = await this.d.users.hasPassword(userId);
    await this.d.db.transaction().execute(async (tx) => {
      // Locking every identity of the user makes two unlinks at once take turns, so both cannot pass.
      const rows = await this.d.identities.listForUser(tx, userId, { forUpdate: true });
      if (!rows.some((r) => r.provider === provider)) throw new AppError('IDENTITY_NOT_FOUND');
      if (!hasPassword && rows.length === 1) throw new AppError('LAST_SIGN_IN_METHOD');
      await this.d.identities.delete(tx, userId, provider as ProviderName);
    });
  }
}

function nicknameFrom(profile: ProviderProfile, email: string): string {
  const name = profile.nickname?.trim() || email.split('@')[0]!;
  return [...name].slice(0, 30).join('');
}
