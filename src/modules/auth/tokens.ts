import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors.ts';

export type Role = 'USER' | 'STAFF' | 'ADMIN';

export interface AccessClaims {
  userId: string;
  role: Role;
}

/** Short-lived HS256 access tokens. The role is read from the database when the token is minted. */
export class AccessTokens {
  private readonly key: Uint8Array;

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
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        audience: 'culture-ticket:access',
      });
      const role = payload.role;
      if (typeof payload.sub !== 'string' || (role !== 'USER' && role !== 'STAFF' && role !== 'ADMIN')) {
        throw new AppError('INVALID_TOKEN');
      }
      return { userId: payload.sub, role };
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (err instanceof joseErrors.JOSEError) throw new AppError('INVALID_TOKEN');
      throw err;
    }
  }
}
