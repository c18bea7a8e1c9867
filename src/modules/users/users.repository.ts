import type { Selectable } from 'kysely';
import { PG, isPgError, type DbOrTx } from '../../infra/db.ts';
import { AppError } from '../../errors.ts';
import type { UsersTable } from './users.tables.ts';
import './users.tables.ts';

export type UserRow = Selectable<UsersTable>;

export interface NewUser {
  email: string;
  /** Null: the account signs in through a social provider only. */
  passwordHash: string | null;
  nickname: string;
  phone?: string | null;
  birthDate?: string | null;
  emailVerified: boolean;
  /** Recorded with the server's time when true. */
  agreedToTerms?: boolean;
  agreedToPrivacy?: boolean;
}

export interface UserChanges {
  nickname?: string;
  phone?: string | null;
  birthDate?: string | null;
  passwordHash?: string;
}

/**
 * Kysely access to `users`, stateless: every method takes the connection (the pool or an open
 * transaction) first. Email uniqueness is the database's job (users_email_key).
 */
export class UsersRepository {
  async findById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByEmail(
    db: DbOrTx,
    email: string,
    opts: { forUpdate?: boolean } = {},
  ): Promise<UserRow | undefined> {
    let q = db.selectFrom('users').selectAll().where('email', '=', email);
    if (opts.forUpdate) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  /** Inserts a USER; a concurrent or earlier signup with the same email is 409 EMAIL_TAKEN. */
  async insert(db: DbOrTx, user: NewUser, now: Date): Promise<UserRow> {
    try {
      return await db
        .insertInto('users')
        .values({
          email: user.email,
          password_hash: user.passwordHash,
          nickname: user.nickname,
          phone: user.phone ?? null,
          birth_date: user.birthDate ?? null,
          email_verified_at: user.emailVerified ? now : null,
          terms_agreed_at: user.agreedToTerms ? now : null,
          privacy_agreed_at: user.agreedToPrivacy ? now : null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (err) {
      if (isPgError(err, PG.UNIQUE_VIOLATION, 'users_email_key')) throw new AppError('EMAIL_TAKEN');
      throw err;
    }
  }

  /**
   * Inserts a verified ADMIN named `admin` unless the email is taken (the unique index decides between
   * two instances starting at once); returns the new id, or undefined when the address was taken.
   */
  async insertAdminUnlessTaken(
    db: DbOrTx,
    admin: { email: string; passwordHash: string },
    now: Date,
  ): Promise<string | undefined> {
    const row = await db
      .insertInto('users')
      .values({
        email: admin.email,
        password_hash: admin.passwordHash,
        nickname: 'admin',
        role: 'ADMIN',
        email_verified_at: now,
      })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  }

  async update(db: DbOrTx, id: string, changes: UserChanges, now: Date): Promise<UserRow | undefined> {
    return db
      .updateTable('users')
      .set({
        ...(changes.nickname !== undefined && { nickname: changes.nickname }),
        ...(changes.phone !== undefined && { phone: changes.phone }),
        ...(changes.birthDate !== undefined && { birth_date: changes.birthDate }),
        ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash }),
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }
}
