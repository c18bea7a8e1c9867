import { AppError } from '../../errors.ts';
import { hashPassword } from '../auth/passwords.ts';
import { assertPasswordPolicy } from '../auth/password-policy.ts';
import type { Role } from '../auth/tokens.ts';
import type { NewUser, UserRow, UsersRepository } from './users.repository.ts';

export interface PublicUser {
  id: string;
  email: string;
  nickname: string;
  role: Role;
  phone?: string;
  birthDate?: string;
}

export interface Credentials {
  id: string;
  passwordHash: string;
  user: PublicUser;
}

/** What the users module needs from auth: ending the user's sessions (refresh and access tokens). */
export interface SessionRevoker {
  endAllSessions(userId: string, opts?: { exceptSessionId?: string }): Promise<void>;
}

/** What the users module needs from auth: a password check limited per account (PasswordChecks). */
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

export function toPublicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    email: row.email,
    nickname: row.nickname,
    role: row.role,
    ...(row.phone !== null && { phone: row.phone }),
    ...(row.birth_date !== null && { birthDate: row.birth_date }),
  };
}

/** Accounts as records: creation, lookup (roles always come from here), profile changes. */
export class UsersService {
  constructor(
    private readonly repo: UsersRepository,
    private readonly sessions: SessionRevoker,
    private readonly passwords: PasswordChecker,
  ) {}

  async create(user: NewUser): Promise<PublicUser> {
    return toPublicUser(await this.repo.insert(user));
  }

  async emailExists(email: string): Promise<boolean> {
    return (await this.repo.findByEmail(email)) !== undefined;
  }

  async credentials(email: string): Promise<Credentials | undefined> {
    const row = await this.repo.findByEmail(email);
    return row && { id: row.id, passwordHash: row.password_hash, user: toPublicUser(row) };
  }

  async findById(id: string): Promise<PublicUser | undefined> {
    const row = await this.repo.findById(id);
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
    const row = await this.repo.findById(id);
    if (!row) throw new AppError('USER_NOT_FOUND');
    let passwordHash: string | undefined;
    if (changes.newPassword !== undefined) {
      if (changes.currentPassword === undefined) {
        throw new AppError('VALIDATION_FAILED', 'body.currentPassword is required to change the password', {
          errors: [{ field: 'body.currentPassword', message: 'is required to change the password' }],
        });
      }
      if (!(await this.passwords.verify(id, row.password_hash, changes.currentPassword))) {
        throw new AppError('WRONG_PASSWORD');
      }
      assertPasswordPolicy(changes.newPassword, row.email, 'body.newPassword');
      passwordHash = await hashPassword(changes.newPassword);
    }
    const updated = await this.repo.update(id, {
      nickname: changes.nickname,
      phone: changes.phone,
      birthDate: changes.birthDate,
      passwordHash,
    });
    if (!updated) throw new AppError('USER_NOT_FOUND');
    if (passwordHash) await this.sessions.endAllSessions(id, { exceptSessionId: currentSessionId });
    return toPublicUser(updated);
  }
}
