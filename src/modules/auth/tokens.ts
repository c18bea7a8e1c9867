import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { AppError } from '../../errors.ts';
import { signHs256, verifyHs256 } from '../../infra/hs256.ts';
import type { Role } from '../users/index.ts';

export type { Role };

export interface AccessClaims {
  userId: string;
  role: Role;
  /** The session (refresh-token family) the token belongs to: the `sid` claim. */
  sessionId: string;
}

/** Where ended sessions are known; `has` runs on every authenticated request, so it stays a local lookup. */
export interface EndedSessionsView {
  has(sessionId: string): boolean;
}

const AUDIENCE = 'culture-ticket:access';

const noEndedSessions: EndedSessionsView = { has: () => false };

/**
 * Short-lived HS256 access tokens. The role is read from the database when the token is minted; a
 * token of an ended session is refused before its expiry (session-revocation.ts).
 */
export class AccessTokens {
  private readonly key: Uint8Array;
  /**
   * Verified tokens, until they expire. A buyer polling the queue presents the same token every
   * second; its signature cannot change, so checking it again only costs CPU in the rush.
   */
  private readonly verified = new LRUCache<string, AccessClaims & { expiresAtMs: number }>({ max: 50_000 });

  constructor(
    secret: string,
    readonly ttlSeconds: number,
    private readonly ended: EndedSessionsView = noEndedSessions,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  /**
   * Without a session id (test factories, tools) the token gets a session of its own, which no
   * refresh token continues.
   */
  async sign(claims: Omit<AccessClaims, 'sessionId'> & { sessionId?: string }): Promise<string> {
    const now = Date.now();
    return signHs256(
      {
        role: claims.role,
        sid: claims.sessionId ?? randomUUID(),
        sub: claims.userId,
        jti: randomUUID(),
        aud: AUDIENCE,
        exp: Math.floor(now / 1000) + this.ttlSeconds,
      },
      this.key,
      now,
    );
  }

  async verify(token: string): Promise<AccessClaims> {
    const claims = this.verifyKnown(token);
    if (!claims) throw new AppError('INVALID_TOKEN');
    return claims;
  }

  /**
   * The same check without a promise, for the access guard's callback hook: the claims of a valid
   * token (from the cache of verified tokens, or checked now with a synchronous HMAC), undefined for
   * an invalid one. Throws INVALID_TOKEN for a token of an ended session.
   */
  verifyKnown(token: string): AccessClaims | undefined {
    const now = Date.now();
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAtMs > now) return this.unlessEnded(known);
      this.verified.delete(token);
      return undefined;
    }
    const payload = verifyHs256(token, this.key, AUDIENCE, now);
    if (!payload) return undefined;
    const { role, sid, sub } = payload;
    if (typeof sub !== 'string' || typeof sid !== 'string') return undefined;
    if (role !== 'USER' && role !== 'STAFF' && role !== 'ADMIN') return undefined;
    const claims = { userId: sub, role, sessionId: sid } as const;
    this.verified.set(token, { ...claims, expiresAtMs: payload.exp! * 1000 });
    return this.unlessEnded(claims);
  }

  /** After the signature (or the cache of verified tokens): an ended session is refused at once. */
  private unlessEnded(claims: AccessClaims): AccessClaims {
    if (this.ended.has(claims.sessionId)) throw new AppError('INVALID_TOKEN', 'The session has ended');
    return { userId: claims.userId, role: claims.role, sessionId: claims.sessionId };
  }
}
