import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import type { SessionRevoker } from '../users/index.ts';
import type { RefreshTokensRepository } from './refresh-tokens.repository.ts';
import type { EndedSessions } from './session-revocation.ts';

/**
 * Sign-in sessions. A session is one refresh-token family (one per sign-in); its id is the `sid` of
 * every access token minted in it. Ending a session revokes the family in the database (refresh is
 * refused) and announces the id to every API instance (its access tokens are refused). It is the
 * users module's SessionRevoker port.
 */
export class Sessions implements SessionRevoker {
  constructor(
    private readonly db: Db,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly ended: EndedSessions,
    private readonly clock: Clock,
  ) {}

  /** Logout: the session of this refresh token. */
  async endByRefreshToken(tokenHash: string): Promise<void> {
    const familyId = await this.refreshTokens.revokeFamilyOf(this.db, tokenHash, this.clock.now());
    if (familyId) await this.ended.end([familyId]);
  }

  /**
   * Every session of the user (role change, suspension, password reset), or every one but the
   * current (`exceptSessionId`, a password change from a signed-in device).
   */
  async endAllSessions(userId: string, opts: { exceptSessionId?: string } = {}): Promise<void> {
    await this.ended.end(
      await this.refreshTokens.revokeAllForUser(this.db, userId, this.clock.now(), opts.exceptSessionId),
    );
  }

  /** A session the database already revoked (a stolen refresh token was replayed). */
  async announceEnded(sessionId: string): Promise<void> {
    await this.ended.end([sessionId]);
  }
}
