import { createHash, createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { AppError } from '../../errors.ts';
import type { Logger } from '../../infra/logger.ts';
import type { MailLang, MailSender } from '../mail/index.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import {
  assertPasswordPolicy,
  hashPassword,
  verifyPassword,
  type PublicUser,
  type UsersService,
} from '../users/index.ts';
import type { AuthRedis } from './auth.redis.ts';
import { addressKey } from '../../http/client-address.ts';
import type { RefreshTokensRepository } from './refresh-tokens.repository.ts';
import type { SessionClient, Sessions } from './sessions.ts';
import type { AccessTokens } from './tokens.ts';
import type { VerificationTokens } from './verification-tokens.ts';

/** The numbers of the account rules, in one place. */
export const AUTH_POLICY = {
  codeTtlMs: 5 * 60_000,
  resendAfterMs: 60_000,
  maxCodeAttempts: 5,
  verificationTokenTtlSeconds: 30 * 60,
  /**
   * Login throttle. Wrong guesses never lock the owner out at an address where they signed in
   * recently; elsewhere, past the threshold, each attempt waits twice as long as the last.
   */
  login: {
    /** Attempts per (account, address) in the window; a successful login resets them. */
    attemptsPerAddress: 5,
    addressWindowMs: 15 * 60_000,
    /** Attempts on the account from anywhere before addresses not known for it are delayed. */
    accountThreshold: 5,
    accountBaseDelayMs: 30_000,
    accountMaxDelayMs: 15 * 60_000,
    /** The account's count is forgotten this long after its last attempt. */
    accountWindowMs: 24 * 3600_000,
    /** An address where the account signed in is known (exempt from the account delay) this long. */
    knownAddressMs: 30 * 86400_000,
  },
} as const;

export interface SignupInput {
  email: string;
  password: string;
  nickname: string;
  phone?: string;
  birthDate?: string;
  verificationToken?: string;
  agreements?: { terms: boolean; privacy: boolean };
  consents?: { terms: boolean; privacy: boolean; marketing?: boolean };
}

export interface Session {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: PublicUser;
  /** Goes to the HttpOnly cookie only, never into a response body. */
  refreshToken: string;
}

export interface AuthDeps {
  db: Db;
  clock: Clock;
  users: UsersService;
  refreshTokens: RefreshTokensRepository;
  sessions: Sessions;
  store: AuthRedis;
  /** Renders and sends at once: the verification request answers 503 when its mail cannot go. */
  mail: Pick<MailSender, 'sendNow'>;
  accessTokens: AccessTokens;
  verificationTokens: VerificationTokens;
  log: Logger;
  secret: string;
  requireEmailVerification: boolean;
  refreshTtlSeconds: number;
  /** How long a rotated refresh token may be presented again (concurrent tabs) without revoking its family. */
  refreshReuseGraceSeconds: number;
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
const sha256 = (value: string): string => createHash('sha256').update(value).digest('base64url');

// Verified against when the email is unknown, so a miss costs about as long as a wrong password.
let dummyHash: Promise<string> | undefined;

/** Signup, email verification, login and the refresh-token lifecycle. */
export class AuthService {
  constructor(private readonly d: AuthDeps) {
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  }

  private codeDigest(email: string, code: string): string {
    return createHmac('sha256', this.d.secret).update(`${email}:${code}`).digest('base64url');
  }

  async requestVerification(rawEmail: string, lang: MailLang = 'ko'): Promise<void> {
    const email = normalizeEmail(rawEmail);
    const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
    const p = AUTH_POLICY;
    const waitMs = await this.d.store.issueCode(
      email,
      this.codeDigest(email, code),
      p.codeTtlMs,
      p.resendAfterMs,
    );
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new AppError('RATE_LIMITED', `A code was sent recently; try again in ${seconds} s`, undefined, {
        'retry-after': String(seconds),
      });
    }
    try {
      await this.d.mail.sendNow(email, 'email-verification', lang, {
        code,
        minutes: p.codeTtlMs / 60_000,
      });
    } catch (err) {
      this.d.log.error({ err }, 'verification mail failed');
      await this.d.store.releaseResend(email);
      throw new AppError('SERVICE_UNAVAILABLE', 'The verification mail could not be sent');
    }
  }

  async confirmVerification(rawEmail: string, code: string): Promise<string> {
    const email = normalizeEmail(rawEmail);
    const check = await this.d.store.checkCode(
      email,
      this.codeDigest(email, code),
      AUTH_POLICY.maxCodeAttempts,
    );
    switch (check.result) {
      case 'ok':
        return this.d.verificationTokens.sign(email);
      case 'wrong':
        throw new AppError('INVALID_CODE', undefined, { attemptsLeft: check.attemptsLeft });
      case 'missing':
        throw new AppError('INVALID_CODE', 'No valid code for this email; request a new one');
      case 'locked':
        throw new AppError('TOO_MANY_ATTEMPTS');
    }
  }

  async signup(input: SignupInput): Promise<PublicUser> {
    const email = normalizeEmail(input.email);
    assertPasswordPolicy(input.password, email, 'body.password');
    let verified = false;
    if (this.d.requireEmailVerification || input.verificationToken) {
      await this.d.verificationTokens.assertVerified(input.verificationToken, email);
      verified = true;
    }
    // A cheap early answer; the unique index still decides races between concurrent signups.
    if (await this.d.users.emailExists(email)) throw new AppError('EMAIL_TAKEN');
    return this.d.users.create({
      email,
      passwordHash: await hashPassword(input.password),
      nickname: input.nickname.trim(),
      phone: input.phone,
      birthDate: input.birthDate,
      emailVerified: verified,
      agreedToTerms: (input.consents ?? input.agreements)?.terms === true,
      agreedToPrivacy: (input.consents ?? input.agreements)?.privacy === true,
      marketingOptIn: input.consents?.marketing === true,
    });
  }

  /**
   * `client.ip` is the request's address (request.ip: X-Forwarded-For only from TRUST_PROXY); it and
   * the User-Agent label the session in the user's device list.
   */
  async login(rawEmail: string, password: string, client: SessionClient): Promise<Session> {
    const email = normalizeEmail(rawEmail);
    const address = addressKey(client.ip);
    const gate = await this.d.store.loginGate(email, address, AUTH_POLICY.login);
    if (gate.result !== 'go') {
      const seconds = Math.max(1, Math.ceil(gate.retryMs / 1000));
      const why =
        gate.result === 'pair-limited'
          ? 'Too many failed logins from this address'
          : 'Too many failed logins for this account from new addresses';
      throw new AppError('RATE_LIMITED', `${why}; try again in ${seconds} s`, undefined, {
        'retry-after': String(seconds),
      });
    }
    const creds = await this.d.users.credentials(email);
    // An account without a password (social sign-in only) costs the same work as an unknown email.
    const ok = creds?.passwordHash
      ? await verifyPassword(creds.passwordHash, password)
      : (await verifyPassword(await dummyHash!, password)) && false;
    if (!creds || !ok) throw new AppError('INVALID_CREDENTIALS');
    await this.d.store.loginSucceeded(email, address, AUTH_POLICY.login);
    return this.startSession(creds.user, client);
  }

  /** A new sign-in session for an authenticated user: recorded for the device list, then its first token. */
  async startSession(user: PublicUser, client: SessionClient): Promise<Session> {
    // Every way in (password, provider, a reset link's sign-in) passes here: a suspended account stops.
    if (await this.d.users.isSuspended(user.id)) throw new AppError('ACCOUNT_SUSPENDED');
    const refreshToken = randomBytes(32).toString('base64url');
    // The refresh-token family is the session: its id goes into every access token as `sid`.
    const familyId = randomUUID();
    await this.d.sessions.record(familyId, user.id, client);
    await this.d.refreshTokens.insert(this.d.db, {
      familyId,
      userId: user.id,
      tokenHash: sha256(refreshToken),
      expiresAt: this.refreshExpiry(),
    });
    return this.session(user, refreshToken, familyId);
  }

  /** Trades a refresh token for a new one and a new access token carrying the role in the database now. */
  async refresh(token: string | undefined, client?: SessionClient): Promise<Session> {
    if (!token) throw new AppError('INVALID_TOKEN', 'No refresh token');
    const next = randomBytes(32).toString('base64url');
    const now = this.d.clock.now();
    const rotation = await this.d.db
      .transaction()
      .execute((tx) =>
        this.d.refreshTokens.rotate(
          tx,
          sha256(token),
          { tokenHash: sha256(next), expiresAt: this.refreshExpiry() },
          this.d.refreshReuseGraceSeconds,
          now,
        ),
      );
    if (rotation.result === 'invalid') throw new AppError('INVALID_TOKEN');
    if (rotation.result === 'reused') {
      this.d.log.warn(
        { userId: rotation.userId, familyId: rotation.familyId },
        'refresh token reuse: family revoked',
      );
      // Whoever holds the copy may also hold its access tokens: they end with the family.
      await this.d.sessions.announceEnded(rotation.familyId);
      throw new AppError('REFRESH_TOKEN_REUSED');
    }
    const user = await this.d.users.findById(rotation.userId);
    if (!user) throw new AppError('INVALID_TOKEN');
    if (await this.d.users.isSuspended(user.id)) throw new AppError('ACCOUNT_SUSPENDED');
    if (client) await this.d.sessions.seen(rotation.familyId, client);
    return this.session(user, next, rotation.familyId);
  }

  /** Ends the session of the refresh cookie: refresh refused, its access tokens refused everywhere. */
  async logout(token: string | undefined): Promise<void> {
    if (token) await this.d.sessions.endByRefreshToken(sha256(token));
  }

  private refreshExpiry(): Date {
    return new Date(this.d.clock.nowMs() + this.d.refreshTtlSeconds * 1000);
  }

  private async session(user: PublicUser, refreshToken: string, sessionId: string): Promise<Session> {
    const accessToken = await this.d.accessTokens.sign({ userId: user.id, role: user.role, sessionId });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.d.accessTokens.ttlSeconds,
      user,
      refreshToken,
    };
  }
}
