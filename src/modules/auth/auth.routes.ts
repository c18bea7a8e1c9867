import cookie from '@fastify/cookie';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AuthService, Session } from './auth.service.ts';
import type { RecoveryService } from './recovery.service.ts';
import { RECOVERY_POLICY } from './recovery.service.ts';
import { mailLangOf } from '../mail/index.ts';
import { AUTH_POLICY } from './auth.service.ts';
import { errors } from '../../http/schemas.ts';
import {
  Accepted,
  ConfirmBody,
  EmailBody,
  FindEmailBody,
  PasswordResetConfirmBody,
  LoginBody,
  SessionView,
  SignupBody,
  UserView,
  VerificationSent,
  VerificationTokenView,
} from './auth.schemas.ts';

export const REFRESH_COOKIE = 'ct_refresh';
/** The browser sends the refresh cookie to the auth endpoints only. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

/** Requests per minute per client IP (Redis-backed, shared by every API instance). */
export const IP_LIMITS = {
  verification: 10,
  confirm: 30,
  signup: 20,
  login: 20,
  refresh: 60,
  passwordReset: 5,
  passwordResetConfirm: 10,
  findEmail: 5,
} as const;

const perIp = (max: number) => ({
  rateLimit: { max, timeWindow: 60_000, keyGenerator: (request: FastifyRequest) => request.ip },
});

/** The trusted address (request.ip honours X-Forwarded-For only from TRUST_PROXY) and the agent. */
const clientOf = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] });

export interface AuthRouteOptions {
  refreshTtlSeconds: number;
  secureCookies: boolean;
}

export const authRoutes =
  (auth: AuthService, recovery: RecoveryService, opts: AuthRouteOptions): FastifyPluginAsyncTypebox =>
  async (app) => {
    // Only these routes read or set cookies, so only they pay for the plugin's hooks.
    await app.register(cookie);
    const sendSession = (reply: FastifyReply, session: Session) => {
      reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
        path: REFRESH_COOKIE_PATH,
        httpOnly: true,
        secure: opts.secureCookies,
        sameSite: 'strict',
        maxAge: opts.refreshTtlSeconds,
      });
      const { accessToken, tokenType, expiresIn, user } = session;
      return { accessToken, tokenType, expiresIn, user };
    };
    const clearCookie = (reply: FastifyReply) =>
      reply.clearCookie(REFRESH_COOKIE, {
        path: REFRESH_COOKIE_PATH,
        httpOnly: true,
        secure: opts.secureCookies,
        sameSite: 'strict',
      });

    app.post(
      '/auth/email-verifications',
      {
        config: { access: 'public', ...perIp(IP_LIMITS.verification) },
        schema: {
          tags: ['auth'],
          summary: 'Mail a 6-digit code valid 5 minutes (resend throttled per email)',
          body: EmailBody,
          response: { 202: VerificationSent, ...errors(400, 429, 503) },
        },
      },
      async (request, reply) => {
        await auth.requestVerification(request.body.email, mailLangOf(request.headers['accept-language']));
        return reply.status(202).send({ status: 'sent', expiresIn: AUTH_POLICY.codeTtlMs / 1000 });
      },
    );

    app.post(
      '/auth/email-verifications/confirm',
      {
        config: { access: 'public', ...perIp(IP_LIMITS.confirm) },
        schema: {
          tags: ['auth'],
          summary: 'Trade the mailed code for a verificationToken (at most 5 wrong tries per code)',
          body: ConfirmBody,
          response: { 200: VerificationTokenView, ...errors(400, 429) },
        },
      },
      async (request) => ({
        verificationToken: await auth.confirmVerification(request.body.email, request.body.code),
      }),
    );

    app.post(
      '/auth/signup',
      {
        config: { access: 'public', ...perIp(IP_LIMITS.signup) },
        schema: {
          tags: ['auth'],
          summary: 'Create a USER account',
          body: SignupBody,
          response: { 201: UserView, ...errors(400, 409, 429) },
        },
      },
      async (request, reply) => reply.status(201).send(await auth.signup(request.body)),
    );

    app.post(
      '/auth/login',
      {
        config: { access: 'public', ...perIp(IP_LIMITS.login) },
        schema: {
          tags: ['auth'],
          summary: 'Sign in: access token in the body, refresh token in an HttpOnly cookie',
          description:
            `Rate-limited per client address (${IP_LIMITS.login} a minute), per account and address ` +
            `(${AUTH_POLICY.login.attemptsPerAddress} attempts per 15 minutes), and per account from addresses ` +
            'where it has not signed in recently (a growing delay after ' +
            `${AUTH_POLICY.login.accountThreshold} attempts): 429 RATE_LIMITED with Retry-After.`,
          body: LoginBody,
          response: { 200: SessionView, ...errors(400, 401, 429) },
        },
      },
      async (request, reply) =>
        sendSession(reply, await auth.login(request.body.email, request.body.password, clientOf(request))),
    );

    app.post(
      '/auth/refresh',
      {
        config: { access: 'public', ...perIp(IP_LIMITS.refresh) },
        schema: {
          tags: ['auth'],
          summary: 'Rotate the refresh cookie and get a new access token',
          description:
            'A refresh token works once; presenting a used one revokes its whole family (401 REFRESH_TOKEN_REUSED).',
          response: { 200: SessionView, ...errors(401, 429) },
        },
      },
      async (request, reply) => {
        try {
          return sendSession(reply, await auth.refresh(request.cookies[REFRESH_COOKIE], clientOf(request)));
        } catch (err) {
          clearCookie(reply);
          throw err;
        }
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary:
            'End the session of the refresh cookie: refresh refused, its access tokens refused everywhere',
          response: { 204: Type.Null(), ...errors(503) },
        },
      },
      async (request, reply) => {
        await auth.logout(request.cookies[REFRESH_COOKIE]);
        clearCookie(reply);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/password-resets',
      {
        config: { access: 'public', ...perIp(IP_LIMITS.passwordReset) },
        schema: {
          tags: ['auth'],
          summary: 'Mail a single-use link to reset the password (202 whatever the address)',
          description:
            `The link (\`/reset-password?token=…\`) works once, for ${RECOVERY_POLICY.resetTtlMs / 60_000} minutes. ` +
            'The answer never says whether the address has an account: the mail is queued and sent by the worker. ' +
            `At most ${RECOVERY_POLICY.resetsPerAccount} mails per account an hour (further requests mail nothing); ` +
            `${IP_LIMITS.passwordReset} requests a minute per client address, then 429. ` +
            'Mail is in Korean unless Accept-Language prefers English.',
          body: EmailBody,
          response: { 202: Accepted, ...errors(400, 429) },
        },
      },
      async (request, reply) => {
        await recovery.requestPasswordReset(
          request.body.email,
          mailLangOf(request.headers['accept-language']),
        );
        return reply.status(202).send({ status: 'accepted' });
      },
    );

    app.post(
      '/auth/password-resets/confirm',
      {
        config: { access: 'public', ...perIp(IP_LIMITS.passwordResetConfirm) },
        schema: {
          tags: ['auth'],
          summary: 'Set a new password with the mailed token; every session of the account ends',
          description:
            'The password policy is the one of signup (400 WEAK_PASSWORD names each broken rule; the link stays usable). ' +
            'An unknown, used or expired token is 400 INVALID_RESET_TOKEN. A notice is mailed to the account.',
          body: PasswordResetConfirmBody,
          response: { 204: Type.Null(), ...errors(400, 429) },
        },
      },
      async (request, reply) => {
        await recovery.confirmPasswordReset(
          request.body.token,
          request.body.newPassword,
          mailLangOf(request.headers['accept-language']),
        );
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/find-email',
      {
        config: { access: 'public', ...perIp(IP_LIMITS.findEmail) },
        schema: {
          tags: ['auth'],
          summary: "Mail a masked hint of the account's email to each matching account (202 always)",
          description:
            'Give `{nickname, birthDate}` or `{phone}` (as saved in the profile). The hint goes to the ' +
            "matching account's own address, never into the response. " +
            `${IP_LIMITS.findEmail} requests a minute per client address, then 429.`,
          body: FindEmailBody,
          response: { 202: Accepted, ...errors(400, 429) },
        },
      },
      async (request, reply) => {
        await recovery.findEmail(request.body, mailLangOf(request.headers['accept-language']));
        return reply.status(202).send({ status: 'accepted' });
      },
    );
  };
