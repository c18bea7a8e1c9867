import { AppError } from '../../errors.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import { hashPassword } from './passwords.ts';
import { assertPasswordPolicy } from './password-policy.ts';
import type { SessionRevoker } from './ports.ts';
import type { ConsentState, NewUser, UserRow, UsersRepository } from './users.repository.ts';
import type { ConsentKind, Language, Role } from './users.tables.ts';

export type { Language, Role } from './users.tables.ts';
export type { SessionRevoker } from './ports.ts';

export interface PublicUser {
  id: string;
  email: string;
  nickname: string;
  role: Role;
  phone?: string;
  birthDate?: string;
  /** When the terms of service and the personal-data notice were agreed to (ISO date-time). */
  termsAgreedAt?: string;
  privacyAgreedAt?: string;
  /** The language mail is written in. */
  language: Language;
  /** The current consents, on the profile only (GET and PATCH /users/me). */
  consents?: Consents;
}

export interface Consents {
  terms?: string;
  privacy?: string;
  /** `at`: the last change; absent when the account never chose. */
  marketing: { granted: boolean; at?: string };
}

export interface Credentials {
  id: string;
  /** Null when the account has no password (it signs in through a social provider). */
  passwordHash: string | null;
  user: PublicUser;
}

/** A password check limited per account (PasswordChecks in password-checks.ts). */
export interface PasswordChecker {
  verify(userId: string, passwordHash: string, password: string): Promise<boolean>;
}

export interface ProfileChanges {
  nickname?: string;
  phone?: string | null;
  birthDate?: string | null;
  newPassword?: string;
  currentPassword?: string;
  language?: Language;
  consents?: { marketing?: boolean };
}

export interface UsersDeps {
  db: Db;
  repo: UsersRepository;
  sessions: SessionRevoker;
  passwords: PasswordChecker;
  clock: Clock;
}

export function toPublicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    email: row.email,
    nickname: row.nickname,
    role: row.role,
    ...(row.phone !== null && { phone: row.phone }),
    ...(row.birth_date !== null && { birthDate: row.birth_date }),
    ...(row.terms_agreed_at && { termsAgreedAt: row.terms_agreed_at.toISOString() }),
    ...(row.privacy_agreed_at && { privacyAgreedAt: row.privacy_agreed_at.toISOString() }),
    language: row.language,
  };
}

function toConsents(row: UserRow, log: ConsentState[]): Consents {
  const marketing = log.find((c) => c.kind === 'marketing');
  return {
    ...(row.terms_agreed_at && { terms: row.terms_agreed_at.toISOString() }),
    ...(row.privacy_agreed_at && { privacy: row.privacy_agreed_at.toISOString() }),
    marketing: marketing
      ? { granted: marketing.granted, at: marketing.at.toISOString() }
      : { granted: false },
  };
}

/**
 * Accounts as records: creation, lookup (roles always come from here, from the primary), profile
 * changes. Reads stay on the primary: a role or a just-created account must never be read stale.
 */
export class UsersService {
  constructor(private readonly d: UsersDeps) {}

  /** A new account and the consents it gave, in one transaction, all with one server time. */
  async create(user: NewUser): Promise<PublicUser> {
    const now = this.d.clock.now();
    const given: { kind: ConsentKind; granted: boolean }[] = [
      ...(user.agreedToTerms ? [{ kind: 'terms' as const, granted: true }] : []),
      ...(user.agreedToPrivacy ? [{ kind: 'privacy' as const, granted: true }] : []),
      ...(user.marketingOptIn ? [{ kind: 'marketing' as const, granted: true }] : []),
    ];
    const row = await this.d.db.transaction().execute(async (tx) => {
      const inserted = await this.d.repo.insert(tx, user, now);
      await this.d.repo.recordConsents(tx, inserted.id, given, now);
      return inserted;
    });
    return toPublicUser(row);
  }

  async emailExists(email: string): Promise<boolean> {
    return (await this.d.repo.findByEmail(this.d.db, email)) !== undefined;
  }

  async credentials(email: string): Promise<Credentials | undefined> {
    const row = await this.d.repo.findByEmail(this.d.db, email);
    return row && { id: row.id, passwordHash: row.password_hash, user: toPublicUser(row) };
  }

  /** The account holding this email and whether that email was verified (social sign-in links only to a verified one). */
  async accountForEmail(email: string): Promise<{ user: PublicUser; emailVerified: boolean } | undefined> {
    const row = await this.d.repo.findByEmail(this.d.db, email);
    return row && { user: toPublicUser(row), emailVerified: row.email_verified_at !== null };
  }

  /** Whether the account can sign in with a password (an unlinked provider must not be its last way in). */
  async hasPassword(id: string): Promise<boolean> {
    const row = await this.d.repo.findById(this.d.db, id);
    if (!row) throw new AppError('USER_NOT_FOUND');
    return row.password_hash !== null;
  }

  /** Suspended by an admin (users desk): no sign-in, no refresh. A missing account is not "suspended". */
  async isSuspended(id: string): Promise<boolean> {
    const row = await this.d.repo.findById(this.d.db, id);
    return row?.suspended_at != null;
  }

  async findById(id: string): Promise<PublicUser | undefined> {
    const row = await this.d.repo.findById(this.d.db, id);
    return row && toPublicUser(row);
  }

  /** Email and mail language of the live accounts among `ids` (notifications' contacts port). */
  async contactsOf(ids: string[]): Promise<Map<string, { email: string; language: Language }>> {
    const rows = await this.d.repo.contactsOf(this.d.db, ids);
    return new Map(rows.map((r) => [r.id, { email: r.email, language: r.language }]));
  }

  /** The profile: the account and its current consents. */
  async me(id: string): Promise<PublicUser> {
    const row = await this.d.repo.findById(this.d.db, id);
    if (!row) throw new AppError('USER_NOT_FOUND');
    return this.profile(row);
  }

  private async profile(row: UserRow): Promise<PublicUser> {
    return { ...toPublicUser(row), consents: toConsents(row, await this.d.repo.consents(this.d.db, row.id)) };
  }

  /**
   * Profile changes. A new password needs the current one and passes the policy; afterwards every
   * other session of the user ends (its refresh and access tokens are refused), so other devices
   * must sign in again; the session making the change (`currentSessionId`) goes on.
   */
  async update(id: string, changes: ProfileChanges, currentSessionId?: string): Promise<PublicUser> {
    const { db, repo } = this.d;
    const row = await repo.findById(db, id);
    if (!row) throw new AppError('USER_NOT_FOUND');
    let passwordHash: string | undefined;
    if (changes.newPassword !== undefined) {
      if (changes.currentPassword === undefined) {
        throw new AppError('VALIDATION_FAILED', 'body.currentPassword is required to change the password', {
          errors: [
            {
              field: 'body.currentPassword',
              rule: 'required',
              message: 'is required to change the password',
            },
          ],
        });
      }
      // An account without a password (social sign-in only) has no current password to prove.
      if (
        row.password_hash === null ||
        !(await this.d.passwords.verify(id, row.password_hash, changes.currentPassword))
      ) {
        throw new AppError('WRONG_PASSWORD');
      }
      assertPasswordPolicy(changes.newPassword, row.email, 'body.newPassword');
      passwordHash = await hashPassword(changes.newPassword);
    }
    const now = this.d.clock.now();
    const marketing = changes.consents?.marketing;
    const updated = await db.transaction().execute(async (tx) => {
      const after = await repo.update(
        tx,
        id,
        {
          nickname: changes.nickname,
          phone: changes.phone,
          birthDate: changes.birthDate,
          passwordHash,
          language: changes.language,
        },
        now,
      );
      // Logged only when it changes: the log answers "since when", not "how often the form was saved".
      if (after && marketing !== undefined) {
        const current = (await repo.consents(tx, id)).find((c) => c.kind === 'marketing');
        if (current?.granted !== marketing) {
          await repo.recordConsents(tx, id, [{ kind: 'marketing', granted: marketing }], now);
        }
      }
      return after;
    });
    if (!updated) throw new AppError('USER_NOT_FOUND');
    if (passwordHash) await this.d.sessions.endAllSessions(id, { exceptSessionId: currentSessionId });
    return this.profile(updated);
  }

  /** Accounts matching what a "find my email" form gave, for a hint mailed to each one's own address. */
  async recoveryMatches(
    by: { nickname: string; birthDate: string } | { phone: string },
  ): Promise<{ email: string; createdAt: Date }[]> {
    const rows = await this.d.repo.findForRecovery(
      this.d.db,
      'phone' in by ? { phoneDigits: phoneDigits(by.phone) } : by,
    );
    return rows.map((row) => ({ email: row.email, createdAt: row.created_at }));
  }

  /**
   * A new password from a reset link (the caller proved it reads the account's mail): the policy as
   * at signup, argon2id. Ending the sessions is the caller's next step.
   */
  async resetPassword(id: string, newPassword: string, field: string): Promise<PublicUser> {
    const row = await this.d.repo.findById(this.d.db, id);
    if (!row) throw new AppError('USER_NOT_FOUND');
    assertPasswordPolicy(newPassword, row.email, field);
    const updated = await this.d.repo.update(
      this.d.db,
      id,
      { passwordHash: await hashPassword(newPassword) },
      this.d.clock.now(),
    );
    if (!updated) throw new AppError('USER_NOT_FOUND');
    return toPublicUser(updated);
  }
}

/** A phone number as the digits the repository compares: +82 10… and 010… are the same number. */
export function phoneDigits(phone: string): string {
  return phone.replace(/[^0-9]/g, '').replace(/^820?/, '0');
}
