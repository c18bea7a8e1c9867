import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import type { SessionRevoker } from '../users/index.ts';
import { AppError } from '../../errors.ts';
import { deviceLabel, maskAddress } from './device-label.ts';
import type { RefreshTokensRepository } from './refresh-tokens.repository.ts';
import type { EndedSessions } from './session-revocation.ts';
import type { SessionsRepository } from './sessions.repository.ts';

/** Where a session is used from: the trusted client address (request.ip) and the User-Agent. */
export interface SessionClient {
  ip: string;
  userAgent?: string;
}

/** A signed-in device as its owner sees it. */
export interface DeviceSession {
  id: string;
  device: string;
  address: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

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
    private readonly devices: SessionsRepository,
  ) {}

  /** Records a new sign-in session (its refresh token is stored by the caller). */
  async record(sessionId: string, userId: string, client: SessionClient): Promise<void> {
    await this.devices.insert(this.db, {
      id: sessionId,
      userId,
      device: deviceLabel(client.userAgent).slice(0, 80),
      address: client.ip.slice(0, 64),
      now: this.clock.now(),
    });
  }

  /** A refresh: last seen now, from this address. Per refresh, not per request, to keep requests cheap. */
  async seen(sessionId: string, client: SessionClient): Promise<void> {
    await this.devices.touch(this.db, sessionId, client.ip.slice(0, 64), this.clock.now());
  }

  /** The user's live sessions, the one making the request marked `current`. */
  async list(userId: string, currentSessionId: string | undefined): Promise<DeviceSession[]> {
    const rows = await this.devices.listLive(this.db, userId, this.clock.now());
    return rows.map((r) => ({
      id: r.id,
      device: r.device,
      address: maskAddress(r.address),
      createdAt: r.created_at.toISOString(),
      lastSeenAt: r.last_seen_at.toISOString(),
      current: r.id === currentSessionId,
    }));
  }

  /** Ends one of the user's own sessions; another user's (or an unknown) id is SESSION_NOT_FOUND. */
  async endOwn(userId: string, sessionId: string): Promise<void> {
    if (!(await this.devices.findOwn(this.db, userId, sessionId))) throw new AppError('SESSION_NOT_FOUND');
    await this.refreshTokens.revokeFamily(this.db, sessionId, this.clock.now());
    await this.ended.end([sessionId]);
  }

  /** When the user's session began (a recent sign-in stands in for a password); undefined if not theirs. */
  async startedAt(userId: string, sessionId: string): Promise<Date | undefined> {
    return (await this.devices.findOwn(this.db, userId, sessionId))?.created_at;
  }

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
