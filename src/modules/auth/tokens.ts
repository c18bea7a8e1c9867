import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { AppError } from '../../errors.ts';

export type Role = 'USER' | 'STAFF' | 'ADMIN';

export interface AccessClaims {
  userId: string;
  role: Role;
}

/** Short-lived HS256 access tokens. The role is read from the database when the token is minted. */
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
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async sign(claims: AccessClaims): Promise<string> {
    return new SignJWT({ role: claims.role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuedAt()
      .setJti(randomUUID())
      .setAudience('culture-ticket:access')
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  async verify(token: string): Promise<AccessClaims> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAtMs > Date.now()) return { userId: known.userId, role: known.role };
      this.verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        audience: 'culture-ticket:access',
      });
      const role = payload.role;
      if (typeof payload.sub !== 'string' || (role !== 'USER' && role !== 'STAFF' && role !== 'ADMIN')) {
        throw new AppError('INVALID_TOKEN');
      }
      if (typeof payload.exp === 'number') {
        this.verified.set(token, { userId: payload.sub, role, expiresAtMs: payload.exp * 1000 });
      }
      return { userId: payload.sub, role };
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (err instanceof joseErrors.JOSEError) throw new AppError('INVALID_TOKEN');
      throw err;
    }
  }
}
