import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { AppError } from '../../errors.ts';
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

const noEndedSessions: EndedSessionsView = { has: () => false };

const AUDIENCE = 'culture-ticket:access';
/** The protected header `sign` writes, as jose encodes it: every token we issue starts with it. */
const OUR_HEADER = `${Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url')}.`;
const isNumericDate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

type Verified = AccessClaims & { expiresAtMs: number };

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
  private readonly verified = new LRUCache<string, Verified>({ max: 50_000 });

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
    return new SignJWT({ role: claims.role, sid: claims.sessionId ?? randomUUID() })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuedAt()
      .setJti(randomUUID())
      .setAudience(AUDIENCE)
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  async verify(token: string): Promise<AccessClaims> {
    const claims = this.verifyKnown(token);
    if (claims) return claims;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        audience: AUDIENCE,
      });
      const { role, sid } = payload;
      if (
        typeof payload.sub !== 'string' ||
        typeof sid !== 'string' ||
        (role !== 'USER' && role !== 'STAFF' && role !== 'ADMIN')
      ) {
        throw new AppError('INVALID_TOKEN');
      }
      const claims = { userId: payload.sub, role, sessionId: sid } as const;
      if (typeof payload.exp === 'number') {
        this.verified.set(token, { ...claims, expiresAtMs: payload.exp * 1000 });
      }
      return this.unlessEnded(claims);
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (err instanceof joseErrors.JOSEError) throw new AppError('INVALID_TOKEN');
      throw err;
    }
  }

  /**
   * Synchronous verification of the tokens this class issues: the claims of a token verified before
   * (until its expiry), or of a token in exactly our form whose signature and claims check out here,
   * with node:crypto's HMAC. Undefined means "ask jose" (`verify`): a token that is not in our form or
   * fails any check here is decided by jose, which gives it its error or, for a valid token in another
   * form, its claims. Only tokens jose would accept are accepted here (the same signature over the
   * same bytes, exp/nbf/iat/aud by jose's rules with no clock tolerance), so this adds no way in. jose
   * verifies HS256 through WebCrypto: an import of the key and an HMAC job on the thread pool per
   * token, which was most of the CPU of a poll or a refused hold from a user not seen before.
   * Throws INVALID_TOKEN for a token of an ended session.
   */
  verifyKnown(token: string): AccessClaims | undefined {
    const now = Date.now();
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAtMs > now) return this.unlessEnded(known);
      this.verified.delete(token);
      return undefined;
    }
    const fresh = this.verifyOurForm(token, now);
    if (!fresh) return undefined;
    this.verified.set(token, fresh);
    return this.unlessEnded(fresh);
  }

  private verifyOurForm(token: string, nowMs: number): Verified | undefined {
    if (!token.startsWith(OUR_HEADER)) return undefined;
    const dot = token.indexOf('.', OUR_HEADER.length);
    if (dot < 0 || token.indexOf('.', dot + 1) >= 0) return undefined;
    const signature = token.slice(dot + 1);
    // HS256: 32 bytes, 43 base64url characters. The canonical encoding is compared, as text.
    if (signature.length !== 43) return undefined;
    const expected = createHmac('sha256', this.key).update(token.slice(0, dot)).digest('base64url');
    if (!timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) return undefined;
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(Buffer.from(token.slice(OUR_HEADER.length, dot), 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return undefined;
    const { sub, sid, role, exp, nbf, iat, aud } = payload;
    const now = Math.floor(nowMs / 1000);
    if (!isNumericDate(exp) || exp <= now) return undefined;
    if (nbf !== undefined && (!isNumericDate(nbf) || nbf > now)) return undefined;
    if (iat !== undefined && !isNumericDate(iat)) return undefined;
    if (aud !== AUDIENCE && !(Array.isArray(aud) && aud.includes(AUDIENCE))) return undefined;
    if (typeof sub !== 'string' || typeof sid !== 'string') return undefined;
    if (role !== 'USER' && role !== 'STAFF' && role !== 'ADMIN') return undefined;
    return { userId: sub, role, sessionId: sid, expiresAtMs: exp * 1000 };
  }

  /** After the signature (or the cache of verified tokens): an ended session is refused at once. */
  private unlessEnded(claims: AccessClaims): AccessClaims {
    if (this.ended.has(claims.sessionId)) throw new AppError('INVALID_TOKEN', 'The session has ended');
    return { userId: claims.userId, role: claims.role, sessionId: claims.sessionId };
  }
}
