import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Infra } from '../../container.ts';
import type { MailModule } from '../mail/index.ts';
import type { UsersService } from '../users/index.ts';
import { AuthRedis } from './auth.redis.ts';
import { IdentitiesRepository } from './identities.repository.ts';
import { configuredProviders } from './oauth-providers.ts';
import { OAuthRedis } from './oauth.redis.ts';
import { oauthRoutes } from './oauth.routes.ts';
import { OAuthService } from './oauth.service.ts';
import { authRoutes } from './auth.routes.ts';
import { AUTH_POLICY, AuthService } from './auth.service.ts';
import { PasswordResetsRepository } from './password-resets.repository.ts';
import { RecoveryService } from './recovery.service.ts';
import { RefreshTokensRepository } from './refresh-tokens.repository.ts';
import { Sessions } from './sessions.ts';
import { SessionsRepository } from './sessions.repository.ts';
import { devicesRoutes } from './devices.routes.ts';
import { VerificationTokens } from './verification-tokens.ts';

export type { Sessions } from './sessions.ts';

/** Sign-in sessions; built first because the users module ends them on a password change. */
export function createSessions(infra: Pick<Infra, 'db' | 'endedSessions' | 'clock'>): Sessions {
  return new Sessions(
    infra.db,
    new RefreshTokensRepository(),
    infra.endedSessions,
    infra.clock,
    new SessionsRepository(),
  );
}

/**
 * The auth module: verification codes, signup, login, social sign-in, refresh rotation, logout and
 * account recovery (password reset, find my email). It depends on the users module (accounts, password
 * hashing and policy) and the mail module (templates and the queue); neither imports auth.
 */
export function createAuthModule(
  infra: Pick<Infra, 'config' | 'db' | 'log' | 'redis' | 'tokens' | 'endedSessions' | 'clock'>,
  ports: { users: UsersService; sessions: Sessions; mail: Pick<MailModule, 'queue' | 'sender'> },
) {
  const { config } = infra;
  const store = new AuthRedis(infra.redis);
  const service = new AuthService({
    db: infra.db,
    clock: infra.clock,
    users: ports.users,
    refreshTokens: new RefreshTokensRepository(),
    sessions: ports.sessions,
    store,
    mail: ports.mail.sender,
    accessTokens: infra.tokens,
    verificationTokens: new VerificationTokens(config.JWT_SECRET, AUTH_POLICY.verificationTokenTtlSeconds),
    log: infra.log,
    secret: config.JWT_SECRET,
    requireEmailVerification: config.REQUIRE_EMAIL_VERIFICATION,
    refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    refreshReuseGraceSeconds: config.REFRESH_REUSE_GRACE_SECONDS,
  });
  const recovery = new RecoveryService({
    db: infra.db,
    clock: infra.clock,
    users: ports.users,
    sessions: ports.sessions,
    store,
    resets: new PasswordResetsRepository(),
    mail: ports.mail.queue,
    publicUrl: config.PUBLIC_URL,
  });
  const routes = authRoutes(service, recovery, {
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
  return {
    service,
    recovery,
    routes,
    devicesRoutes: devicesRoutes(ports.sessions),
    socialRoutes,
    subscription,
  };
}
