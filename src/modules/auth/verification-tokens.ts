import { SignJWT, jwtVerify } from 'jose';
import { AppError } from '../../errors.ts';

const AUDIENCE = 'culture-ticket:email-verification';

/**
 * Proof that the holder read a code sent to an email: an HS256 JWT bound to that email, with its
 * own audience so it can never pass as an access token (and an access token never as this).
 */
export class VerificationTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(email: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(email)
      .setIssuedAt()
      .setAudience(AUDIENCE)
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  /** Throws 400 EMAIL_NOT_VERIFIED unless the token is valid, unexpired and for this email. */
  async assertVerified(token: string | undefined, email: string): Promise<void> {
    if (!token) throw new AppError('EMAIL_NOT_VERIFIED', 'A verificationToken for this email is required');
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], audience: AUDIENCE });
      if (payload.sub === email) return;
    } catch {
      // fall through: any invalid token is the same answer
    }
    throw new AppError(
      'EMAIL_NOT_VERIFIED',
      'The verificationToken is invalid, expired or for another email',
    );
  }
}
