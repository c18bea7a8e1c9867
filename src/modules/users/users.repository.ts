import type { Selectable } from 'kysely';
import { PG, isPgError, type DbOrTx } from '../../infra/db.ts';
import { AppError } from '../../errors.ts';
import type { UsersTable } from './users.tables.ts';

export type UserRow = Selectable<UsersTable>;

export interface NewUser {
  email: string;
  passwordHash: string;
  nickname: string;
  phone?: string | null;
  birthDate?: string | null;
  emailVerified: boolean;
}

export interface UserChanges {
  nickname?: string;
  phone?: string | null;
  birthDate?: string | null;
  passwordHash?: string;
}

/** Kysely access to `users`. Email uniqueness is the database's job (users_email_key). */
export class UsersRepository {
  constructor(private readonly db: DbOrTx) {}

  async findById(id: string, tx: DbOrTx = this.db): Promise<UserRow | undefined> {
    return tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByEmail(email: string, tx: DbOrTx = this.db): Promise<UserRow | undefined> {
    return tx.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  }

  /** Inserts a USER; a concurrent or earlier signup with the same email is 409 EMAIL_TAKEN. */
  async insert(user: NewUser, tx: DbOrTx = this.db): Promise<UserRow> {
    try {
      return await tx
        .insertInto('users')
        .values({
          email: user.email,
          password_hash: user.passwordHash,
          nickname: user.nickname,
          phone: user.phone ?? null,
          birth_date: user.birthDate ?? null,
          email_verified_at: user.emailVerified ? new Date() : null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (err) {
      if (isPgError(err, PG.UNIQUE_VIOLATION, 'users_email_key')) throw new AppError('EMAIL_TAKEN');
      throw err;
    }
  }

  async update(id: string, changes: UserChanges, tx: DbOrTx = this.db): Promise<UserRow | undefined> {
    return tx
      .updateTable('users')
      .set({
        ...(changes.nickname !== undefined && { nickname: changes.nickname }),
        ...(changes.phone !== undefined && { phone: changes.phone }),
        ...(changes.birthDate !== undefined && { birth_date: changes.birthDate }),
        ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash }),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }
}
