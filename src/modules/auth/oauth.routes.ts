import cookie from '@fastify/cookie';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { errors } from '../../http/schemas.ts';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH } from './auth.routes.ts';
import {
  CallbackQuery,
  IdentitiesView,
  LinkTicketView,
  ProviderParams,
  ProvidersView,
  Redirect,
  StartQuery,
} from './oauth.schemas.ts';
import { OAUTH_POLICY, SocialSignInError, type OAuthService } from './oauth.service.ts';

/** Binds a pending sign-in to the browser that started it (against login CSRF). */
const BINDING_COOKIE = 'ct_oauth';
const BINDING_COOKIE_PATH = '/api/v1/auth/oauth';
/** Where the web app finishes a sign-in: it refreshes (the cookie is set) and goes to `next`. */
export const WEB_CALLBACK_PATH = '/auth/callback';

const security = [{ bearerAuth: [] }];

const perIp = (max: number) => ({
  rateLimit: { max, timeWindow: 60_000, keyGenerator: (request: FastifyRequest) => request.ip },
});

export interface OAuthRouteOptions {
  publicUrl: string;
  refreshTtlSeconds: number;
  secureCookies: boolean;
}

/**
 * A browser following the provider's redirect gets a redirect back to the web app, errors included
 * (`?error=CODE`); a client that asks only for JSON gets the problem document instead.
 */
const wantsProblem = (request: FastifyRequest): boolean => {
  const accept = request.headers.accept ?? '';
  return /json/.test(accept) && !/text\/html/.test(accept);
};

export const oauthRoutes =
  (oauth: OAuthService, opts: OAuthRouteOptions): FastifyPluginAsyncTypebox =>
  async (app) => {
    // Only these routes read or set cookies, so only they pay for the plugin's hooks.
    await app.register(cookie);
    const webUrl = (path: string, params: Record<string, string> = {}): string => {
      const url = new URL(path, opts.publicUrl);
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      return url.href;
    };
    const failed = (request: FastifyRequest, reply: FastifyReply, err: unknown) => {
      if (!(err instanceof SocialSignInError) || wantsProblem(request)) throw err;
      return reply.redirect(webUrl(err.landing, { error: err.code }), 302);
    };

    app.get(
      '/auth/oauth/providers',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Social sign-in providers configured here (the web app shows only these)',
          response: { 200: ProvidersView },
        },
      },
      async () => ({ providers: oauth.configured() }),
    );

    app.post(
      '/auth/oauth/link-tickets',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['auth'],
          summary:
            'A one-time ticket to link a provider: the start is a full-page visit without the access token',
          security,
          response: { 201: LinkTicketView, ...errors(401) },
        },
      },
      async (request, reply) =>
        reply.status(201).send({
          ticket: await oauth.linkTicket(request.user!.id),
          expiresIn: OAUTH_POLICY.linkTicketTtlSeconds,
        }),
    );

    app.get(
      '/auth/oauth/:provider/start',
      {
        config: { access: 'public', ...perIp(30) },
        schema: {
          tags: ['auth'],
          summary: "Redirect to the provider's sign-in page (state, and PKCE where the provider takes it)",
          description:
            "With `link=<ticket>` (POST /auth/oauth/link-tickets) the provider is linked to the ticket's account " +
            'instead of signing in. A used or unknown ticket redirects to `next` (default /profile) with `?error=OAUTH_FAILED`.',
          params: ProviderParams,
          querystring: StartQuery,
          response: { 302: Redirect, ...errors(400, 404, 429) },
        },
      },
      async (request, reply) => {
        try {
          const { redirectTo, browserBinding } = await oauth.start(request.params.provider, {
            linkTicket: request.query.link,
            next: request.query.next,
          });
          reply.setCookie(BINDING_COOKIE, browserBinding, {
            path: BINDING_COOKIE_PATH,
            httpOnly: true,
            secure: opts.secureCookies,
            // Lax: the provider's redirect back is a cross-site top-level navigation.
            sameSite: 'lax',
            maxAge: OAUTH_POLICY.pendingTtlSeconds,
          });
          return reply.redirect(redirectTo, 302);
        } catch (err) {
          return failed(request, reply, err);
        }
      },
    );

    app.get(
      '/auth/oauth/:provider/callback',
      {
        config: { access: 'public', ...perIp(30) },
        schema: {
          tags: ['auth'],
          summary: 'The provider sends the browser back here; redirects to the web app, signed in',
          description:
            `Signed in: 302 to ${WEB_CALLBACK_PATH}?next=…, refresh cookie set (the web app refreshes for an access token). ` +
            "Linked: 302 to `next` with `?linked=<provider>`. Failed: 302 to /login (or the link's page) with " +
            '`?error=OAUTH_FAILED` (or OAUTH_EMAIL_IN_USE, OAUTH_EMAIL_REQUIRED, OAUTH_IDENTITY_TAKEN); a client ' +
            'accepting only JSON gets that problem as 400/409 instead.',
          params: ProviderParams,
          querystring: CallbackQuery,
          response: { 302: Redirect, ...errors(400, 404, 409, 429) },
        },
      },
      async (request, reply) => {
        const query = new URLSearchParams(request.url.split('?')[1] ?? '');
        reply.clearCookie(BINDING_COOKIE, { path: BINDING_COOKIE_PATH });
        try {
          const outcome = await oauth.callback(
            request.params.provider,
            query,
            request.cookies[BINDING_COOKIE],
            { ip: request.ip, userAgent: request.headers['user-agent'] },
          );
          if (outcome.result === 'linked') {
            return reply.redirect(webUrl(outcome.next, { linked: request.params.provider }), 302);
          }
          reply.setCookie(REFRESH_COOKIE, outcome.session.refreshToken, {
            path: REFRESH_COOKIE_PATH,
            httpOnly: true,
            secure: opts.secureCookies,
            sameSite: 'strict',
            maxAge: opts.refreshTtlSeconds,
          });
          return reply.redirect(webUrl(WEB_CALLBACK_PATH, { next: outcome.next }), 302);
        } catch (err) {
          return failed(request, reply, err);
        }
      },
    );

    app.get(
      '/users/me/identities',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['users'],
          summary: 'Social sign-in providers linked to the account',
          security,
          response: { 200: IdentitiesView, ...errors(401, 404) },
        },
      },
      async (request) => oauth.list(request.user!.id),
    );

    app.delete(
      '/users/me/identities/:provider',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['users'],
          summary:
            'Unlink a provider; refused when it is the last way to sign in (no password, no other provider)',
          security,
          params: ProviderParams,
          response: { 204: Type.Null(), ...errors(400, 401, 404, 409) },
        },
      },
      async (request, reply) => {
        await oauth.unlink(request.user!.id, request.params.provider);
        return reply.status(204).send(null);
      },
    );
  };
