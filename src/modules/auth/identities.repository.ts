import type { Selectable } from 'kysely';
import { PG, isPgError, type DbOrTx, type Tx } from '../../infra/db.ts';
import type { UserIdentitiesTable } from './auth.tables.ts';
import type { ProviderName } from './oauth-providers.ts';
import './auth.tables.ts';

export type IdentityRow = Selectable<UserIdentitiesTable>;

export interface NewIdentity {
  userId: string;
  provider: ProviderName;
  subject: string;
  email: string | null;
  emailVerified: boolean;
}

/** Linked provider accounts; stateless, every method takes the connection first. */
export class IdentitiesRepository {
  async find(db: DbOrTx, provider: ProviderName, subject: string): Promise<IdentityRow | undefined> {
    return db
      .selectFrom('user_identities')
      .selectAll()
      .where('provider', '=', provider)
      .where('subject', '=', subject)
      .executeTakeFirst();
  }

  async listForUser(db: DbOrTx, userId: string, opts: { forUpdate?: boolean } = {}): Promise<IdentityRow[]> {
    let q = db.selectFrom('user_identities').selectAll().where('user_id', '=', userId).orderBy('created_at');
    if (opts.forUpdate) q = q.forUpdate();
    return q.execute();
  }

  /**
   * Links a provider account; 'taken' when that provider account is linked already, or when the user
   * already links another account of the same provider (the two unique constraints decide races).
   */
  async insert(db: DbOrTx, identity: NewIdentity): Promise<'linked' | 'taken'> {
    try {
      await db
        .insertInto('user_identities')
        .values({
          user_id: identity.userId,
          provider: identity.provider,
          subject: identity.subject,
          email: identity.email,
          email_verified: identity.emailVerified,
        })
        .execute();
      return 'linked';
    } catch (err) {
      if (isPgError(err, PG.UNIQUE_VIOLATION)) return 'taken';
      throw err;
    }
  }

  async delete(tx: Tx, userId: string, provider: ProviderName): Promise<boolean> {
    const result = await tx
      .deleteFrom('user_identities')
      .where('user_id', '=', userId)
      .where('provider', '=', provider)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
