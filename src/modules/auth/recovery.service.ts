import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../errors.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import type { MailLang, MailQueue } from '../mail/index.ts';
import { assertPasswordPolicy, type UsersService } from '../users/index.ts';
import type { AuthRedis } from './auth.redis.ts';
import { normalizeEmail } from './auth.service.ts';
import type { PasswordResetsRepository } from './password-resets.repository.ts';
import type { Sessions } from './sessions.ts';

export const RECOVERY_POLICY = {
  resetTtlMs: 30 * 60_000,
  /** Reset mails per account per window; more requests are answered alike but mail nothing. */
  resetsPerAccount: 3,
  resetWindowMs: 60 * 60_000,
} as const;

const sha256 = (value: string): string => createHash('sha256').update(value).digest('base64url');

/** `ki***@example.com`: enough for the owner to recognise, too little to be of use to anyone else. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const shown = local.length <= 2 ? local.slice(0, 1) : local.slice(0, 2);
  return `${shown}***${email.slice(at)}`;
}

export interface RecoveryDeps {
  db: Db;
  clock: Clock;
  users: UsersService;
  sessions: Sessions;
  store: AuthRedis;
  resets: PasswordResetsRepository;
  mail: MailQueue;
  publicUrl: string;
}

/**
 * Password reset and "find my email". Neither request says whether an account matched: each queues
 * exactly one mail row per request (or per matching account), with no recipient when there is none,
 * and the worker sends it later, so a request does the same work whatever it names.
 */
export class RecoveryService {
  constructor(private readonly d: RecoveryDeps) {}

  async requestPasswordReset(rawEmail: string, lang: MailLang): Promise<void> {
    const email = normalizeEmail(rawEmail);
    const p = RECOVERY_POLICY;
    const requests = await this.d.store.countResetRequest(email, p.resetWindowMs);
    const account = await this.d.users.credentials(email);
    const token = randomBytes(32).toString('base64url');
    const link = new URL('/reset-password', this.d.publicUrl);
    link.searchParams.set('token', token);
    const recipient = account && requests <= p.resetsPerAccount ? account : undefined;
    await this.d.db.transaction().execute(async (tx) => {
      if (recipient) {
        await this.d.resets.insert(tx, {
          userId: recipient.id,
          tokenHash: sha256(token),
          expiresAt: new Date(this.d.clock.nowMs() + p.resetTtlMs),
        });
      }
      await this.d.mail.enqueue(tx, {
        template: 'password-reset',
        lang,
        to: recipient ? email : null,
        data: { link: link.toString(), minutes: p.resetTtlMs / 60_000 },
      });
    });
  }

  /** Sets the new password, uses the token up, ends every session and queues a notice. */
  async confirmPasswordReset(token: string, newPassword: string, lang: MailLang): Promise<void> {
    const tokenHash = sha256(token);
    const userId = await this.d.resets.findLive(this.d.db, tokenHash, this.d.clock.now());
    const user = userId && (await this.d.users.findById(userId));
    if (!user) throw invalidToken();
    // Before the token is used, so a weak password leaves the link working for a second try.
    assertPasswordPolicy(newPassword, user.email, 'body.newPassword');
    const consumed = await this.d.db
      .transaction()
      .execute((tx) => this.d.resets.consume(tx, tokenHash, this.d.clock.now()));
    if (consumed !== user.id) throw invalidToken();
    await this.d.users.resetPassword(user.id, newPassword, 'body.newPassword');
    await this.d.sessions.endAllSessions(user.id);
    await this.d.mail.enqueue(this.d.db, {
      template: 'password-changed',
      lang,
      to: user.email,
      data: { changedAt: this.d.clock.now().toISOString() },
    });
  }

  async findEmail(by: { nickname: string; birthDate: string } | { phone: string }, lang: MailLang) {
    const matches = await this.d.users.recoveryMatches(
      'phone' in by ? { phone: by.phone } : { nickname: by.nickname.trim(), birthDate: by.birthDate },
    );
    await this.d.db.transaction().execute(async (tx) => {
      if (matches.length === 0) {
        await this.d.mail.enqueue(tx, {
          template: 'find-email-hint',
          lang,
          to: null,
          data: { maskedEmail: '', signedUpAt: this.d.clock.now().toISOString() },
        });
      }
      for (const match of matches) {
        await this.d.mail.enqueue(tx, {
          template: 'find-email-hint',
          lang,
          to: match.email,
          data: { maskedEmail: maskEmail(match.email), signedUpAt: match.createdAt.toISOString() },
        });
      }
    });
  }
}

const invalidToken = () =>
  new AppError('INVALID_RESET_TOKEN', 'The reset link is invalid, used or expired; ask for a new one');
