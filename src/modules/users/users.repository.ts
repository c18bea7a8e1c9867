import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import { PG, isPgError, type Database, type DbOrTx } from '../../infra/db.ts';
import { AppError } from '../../errors.ts';
import type { ConsentKind, Language, Role, UsersTable } from './users.tables.ts';
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
  /** Opted in to marketing at signup (logged as a consent with the server's time). */
  marketingOptIn?: boolean;
}

/** The latest consent of one kind. */
export interface ConsentState {
  kind: ConsentKind;
  granted: boolean;
  at: Date;
}

/** What stands in for a withdrawn account's password: no argon2 hash, so nothing verifies against it. */
const UNUSABLE_PASSWORD = '!withdrawn';

export interface UserChanges {
  nickname?: string;
  phone?: string | null;
  birthDate?: string | null;
  passwordHash?: string;
  language?: Language;
}

/**
 * Kysely access to `users`, stateless: every method takes the connection (the pool or an open
 * transaction) first. Email uniqueness is the database's job (users_email_key).
 */
export class UsersRepository {
  async findById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
    return db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  }

  async contactsOf(
    db: DbOrTx,
    ids: string[],
  ): Promise<Array<{ id: string; email: string; language: Language }>> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('users')
      .select(['id', 'email', 'language'])
      .where('id', '=', sql<string>`ANY(${ids}::uuid[])`)
      .where('deleted_at', 'is', null)
      .execute();
  }

  async findByEmail(
    db: DbOrTx,
    email: string,
    opts: { forUpdate?: boolean } = {},
  ): Promise<UserRow | undefined> {
    let q = db.selectFrom('users').selectAll().where('email', '=', email).where('deleted_at', 'is', null);
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
        ...(changes.language !== undefined && { language: changes.language }),
        updated_at: now,
      })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
  }

  /**
   * Accounts for "find my email": by nickname (case-insensitive) and birth date, or by phone compared
   * by its digits with a leading +82 read as 0, so 010-1234-5678 and +82 10 1234 5678 are one number.
   */
  async findForRecovery(
    db: DbOrTx,
    by: { nickname: string; birthDate: string } | { phoneDigits: string },
  ): Promise<UserRow[]> {
    // Withdrawn accounts have no address to send a hint to.
    let q = db.selectFrom('users').selectAll().where('deleted_at', 'is', null);
    if ('phoneDigits' in by) {
      q = q.where(
        sql<string>`regexp_replace(regexp_replace(phone, '[^0-9]', '', 'g'), '^820?', '0')`,
        '=',
        by.phoneDigits,
      );
    } else {
      q = q
        .where(sql<string>`lower(nickname)`, '=', by.nickname.toLowerCase())
        .where('birth_date', '=', by.birthDate);
    }
    return q.orderBy('created_at').limit(10).execute();
  }

  /** Appends consents to the log; the latest row of a kind is its current state. */
  async recordConsents(
    db: DbOrTx,
    userId: string,
    consents: { kind: ConsentKind; granted: boolean }[],
    at: Date,
  ): Promise<void> {
    if (consents.length === 0) return;
    await db
      .insertInto('user_consents')
      .values(consents.map((c) => ({ user_id: userId, kind: c.kind, granted: c.granted, at })))
      .execute();
  }

  async consents(db: DbOrTx, userId: string): Promise<ConsentState[]> {
    return db
      .selectFrom('user_consents')
      .distinctOn('kind')
      .select(['kind', 'granted', 'at'])
      .where('user_id', '=', userId)
      .orderBy('kind')
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  /** The whole log of one kind, oldest first (what the account agreed to, and when). */
  async consentLog(db: DbOrTx, userId: string, kind: ConsentKind): Promise<ConsentState[]> {
    return db
      .selectFrom('user_consents')
      .select(['kind', 'granted', 'at'])
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .orderBy('at')
      .orderBy('id')
      .execute();
  }

  /**
   * Withdrawal: the account's personal data is erased and its password made unusable; the row stays,
   * since orders, payments and tickets kept by law point to its id. False when already withdrawn.
   */
  async erase(db: DbOrTx, id: string, now: Date): Promise<boolean> {
    const row = await db
      .updateTable('users')
      .set({
        email: sql<string>`'deleted-' || id || '@invalid'`,
        nickname: '탈퇴한 회원',
        phone: null,
        birth_date: null,
        password_hash: UNUSABLE_PASSWORD,
        email_verified_at: null,
        deleted_at: now,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }
  /** The users desk: accounts whose email, nickname or phone contains `q`, newest first. */
  async adminPage(
    db: DbOrTx,
    f: { q?: string; role?: Role; suspended?: boolean },
    page: number,
    size: number,
  ): Promise<{ items: UserRow[]; total: number }> {
    let q = db.selectFrom('users').where('deleted_at', 'is', null);
    if (f.q) q = q.where((eb) => this.matches(eb, f.q!));
    if (f.role) q = q.where('role', '=', f.role);
    if (f.suspended !== undefined) q = q.where('suspended_at', f.suspended ? 'is not' : 'is', null);
    const [items, count] = await Promise.all([
      q
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(size)
        .offset((page - 1) * size)
        .execute(),
      q.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /** Ids of live accounts matching `q` (the orders desk's buyer search). */
  async matchingIds(db: DbOrTx, q: string, limit: number): Promise<string[]> {
    const rows = await db
      .selectFrom('users')
      .select('id')
      .where('deleted_at', 'is', null)
      .where((eb) => this.matches(eb, q))
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * Email, nickname or phone contains `q` (case-insensitive; the phone by its digits, +82 read as 0),
   * through the trigram index of migration 0111.
   */
  private matches(eb: ExpressionBuilder<Database, 'users'>, q: string) {
    const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const digits = q.replace(/[^0-9]/g, '').replace(/^820?/, '0');
    const text = sql<string>`lower(email || ' ' || nickname || ' ' || coalesce(phone, ''))`;
    const any = [eb(text, 'like', like)];
    if (digits.length >= 4) {
      any.push(
        eb(
          sql<string>`regexp_replace(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), '^820?', '0')`,
          'like',
          `%${digits}%`,
        ),
      );
    }
    return eb.or(any);
  }

  async profiles(
    db: DbOrTx,
    ids: string[],
  ): Promise<Array<{ id: string; email: string; nickname: string; phone: string | null }>> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('users')
      .select(['id', 'email', 'nickname', 'phone'])
      .where('id', '=', sql<string>`ANY(${ids}::uuid[])`)
      .execute();
  }

  async lockForAdmin(tx: DbOrTx, id: string): Promise<UserRow | undefined> {
    return tx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
  }

  async setAdminState(
    tx: DbOrTx,
    id: string,
    set: { role?: Role; suspendedAt?: Date | null },
    now: Date,
  ): Promise<UserRow> {
    return tx
      .updateTable('users')
      .set({
        ...(set.role !== undefined && { role: set.role }),
        ...(set.suspendedAt !== undefined && { suspended_at: set.suspendedAt }),
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
