import { createHmac } from 'node:crypto';
import { signHs256, verifyHs256 } from '../../infra/hs256.ts';

export interface AdmissionClaims {
  userId: string;
  showtimeId: string;
  jti: string;
  expiresAtMs: number;
}

const AUDIENCE = 'culture-ticket:admission';

/**
 * HS256 admission tokens: user (sub), showtime (st), token id (jti) and expiry. The key is derived
 * from JWT_SECRET for this one purpose, so an access token can never pass as an admission token
 * (and the audience differs as well). A valid signature is not enough: the jti must also be the
 * user's current session in Redis, which is what makes a token revocable.
 */
export class AdmissionTokens {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new Uint8Array(createHmac('sha256', secret).update('admission-token-v1').digest());
  }

  async sign(c: AdmissionClaims): Promise<string> {
    return signHs256(
      { st: c.showtimeId, sub: c.userId, jti: c.jti, aud: AUDIENCE, exp: Math.floor(c.expiresAtMs / 1000) },
      this.key,
    );
  }

  /** The claims of a well-formed, correctly signed, unexpired token; null otherwise. */
  async verify(token: string): Promise<AdmissionClaims | null> {
    const payload = verifyHs256(token, this.key, AUDIENCE);
    if (!payload) return null;
    if (typeof payload.sub !== 'string' || typeof payload.st !== 'string') return null;
    if (typeof payload.jti !== 'string') return null;
    return {
      userId: payload.sub,
      showtimeId: payload.st,
      jti: payload.jti,
      expiresAtMs: payload.exp! * 1000,
    };
  }
}
