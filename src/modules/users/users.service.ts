import { AppError } from '../../errors.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import { hashPassword } from './passwords.ts';
import { assertPasswordPolicy } from './password-policy.ts';
import type { SessionRevoker } from './ports.ts';
import type { NewUser, UserRow, UsersRepository } from './users.repository.ts';
import type { Role } from './users.tables.ts';

export type { Role } from './users.tables.ts';
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
  };
}

/**
 * Accounts as records: creation, lookup (roles always come from here, from the primary), profile
 * changes. Reads stay on the primary: a role or a just-created account must never be read stale.
 */
export class UsersService {
  constructor(private readonly d: UsersDeps) {}

  async create(user: NewUser): Promise<PublicUser> {
    return toPublicUser(await this.d.repo.insert(this.d.db, user, this.d.clock.now()));
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

  async findById(id: string): Promise<PublicUser | undefined> {
    const row = await this.d.repo.findById(this.d.db, id);
    return row && toPublicUser(row);
  }

  async me(id: string): Promise<PublicUser> {
    const user = await this.findById(id);
    if (!user) throw new AppError('USER_NOT_FOUND');
    return user;
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
    const updated = await repo.update(
      db,
      id,
      { nickname: changes.nickname, phone: changes.phone, birthDate: changes.birthDate, passwordHash },
      this.d.clock.now(),
    );
    if (!updated) throw new AppError('USER_NOT_FOUND');
    if (passwordHash) await this.d.sessions.endAllSessions(id, { exceptSessionId: currentSessionId });
    return toPublicUser(updated);
  }
}
