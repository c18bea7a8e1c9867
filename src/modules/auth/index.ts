import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Infra } from '../../container.ts';
import { createMailer, type Mailer } from '../../infra/mailer.ts';
import type { UsersService } from '../users/index.ts';
import { AuthRedis } from './auth.redis.ts';
import { IdentitiesRepository } from './identities.repository.ts';
import { configuredProviders } from './oauth-providers.ts';
import { OAuthRedis } from './oauth.redis.ts';
import { oauthRoutes } from './oauth.routes.ts';
import { OAuthService } from './oauth.service.ts';
import { authRoutes } from './auth.routes.ts';
import { AUTH_POLICY, AuthService } from './auth.service.ts';
import { RefreshTokensRepository } from './refresh-tokens.repository.ts';
import { Sessions } from './sessions.ts';
import { VerificationTokens } from './verification-tokens.ts';

export type { Sessions } from './sessions.ts';

/** Sign-in sessions; built first because the users module ends them on a password change. */
export function createSessions(infra: Pick<Infra, 'db' | 'endedSessions' | 'clock'>): Sessions {
  return new Sessions(infra.db, new RefreshTokensRepository(), infra.endedSessions, infra.clock);
}

/**
 * The auth module: verification codes, signup, login, social sign-in, refresh rotation and logout. It depends on the
 * users module (accounts, password hashing and policy); users never imports auth.
 */
export function createAuthModule(
  infra: Pick<Infra, 'config' | 'db' | 'log' | 'redis' | 'tokens' | 'endedSessions' | 'clock'>,
  ports: { users: UsersService; sessions: Sessions; mailer?: Mailer },
) {
  const { config } = infra;
  const service = new AuthService({
    db: infra.db,
    clock: infra.clock,
    users: ports.users,
    refreshTokens: new RefreshTokensRepository(),
    sessions: ports.sessions,
    store: new AuthRedis(infra.redis),
    mailer: ports.mailer ?? createMailer(config, infra.log),
    accessTokens: infra.tokens,
    verificationTokens: new VerificationTokens(config.JWT_SECRET, AUTH_POLICY.verificationTokenTtlSeconds),
    log: infra.log,
    secret: config.JWT_SECRET,
    requireEmailVerification: config.REQUIRE_EMAIL_VERIFICATION,
    refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    refreshReuseGraceSeconds: config.REFRESH_REUSE_GRACE_SECONDS,
  });
  const routes = authRoutes(service, {
    refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    secureCookies: config.PUBLIC_URL.startsWith('https:'),
  });
  const oauth = new OAuthService({
    db: infra.db,
    providers: configuredProviders(config),
    store: new OAuthRedis(infra.redis),
    identities: new IdentitiesRepository(),
    users: ports.users,
    auth: service,
    log: infra.log,
  });
  const socialRoutes = oauthRoutes(oauth, {
    publicUrl: config.PUBLIC_URL,
    refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    secureCookies: config.PUBLIC_URL.startsWith('https:'),
  });
  // Only API instances verify access tokens: they hear ended sessions while the HTTP app lives.
  const subscription: FastifyPluginAsyncTypebox = async (app) => {
    await infra.endedSessions.start();
    app.addHook('onClose', async () => infra.endedSessions.stop());
  };
  return { service, routes, socialRoutes, subscription };
}
