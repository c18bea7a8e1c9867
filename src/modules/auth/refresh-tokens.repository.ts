import { sql } from 'kysely';
import type { Db } from '../../infra/db.ts';

export type Rotation =
  | { result: 'rotated'; userId: string; familyId: string }
  | { result: 'reused'; userId: string; familyId: string }
  | { result: 'invalid' };

/** Refresh tokens by SHA-256 digest. Rotation and reuse detection are single transactions. */
export class RefreshTokensRepository {
  constructor(private readonly db: Db) {}

  async insert(input: {
    familyId: string;
    userId: string;
    tokenHash: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.db
      .insertInto('refresh_tokens')
      .values({
        family_id: input.familyId,
        user_id: input.userId,
        token_hash: input.tokenHash,
        expires_at: input.expiresAt,
      })
      .execute();
  }

  /**
   * Marks the presented token used and stores its successor in the same family. The UPDATE's row
   * lock makes concurrent refreshes with one token queue up: the first rotates it. A token presented
   * again within `graceSeconds` of its rotation is two tabs (or a retry) racing with one cookie: it
   * gets a successor of its own in the same family. Presented later, it means a copy exists elsewhere:
   * the whole family is revoked.
   */
  async rotate(
    tokenHash: string,
    next: { tokenHash: string; expiresAt: Date },
    graceSeconds = 0,
  ): Promise<Rotation> {
    return this.db.transaction().execute(async (tx) => {
      const addSuccessor = async (family: { family_id: string; user_id: string }) => {
        await tx
          .insertInto('refresh_tokens')
          .values({
            family_id: family.family_id,
            user_id: family.user_id,
            token_hash: next.tokenHash,
            expires_at: next.expiresAt,
          })
          .execute();
        return { result: 'rotated', userId: family.user_id, familyId: family.family_id } as const;
      };
      const current = await tx
        .updateTable('refresh_tokens')
        .set({ used_at: sql<Date>`now()` })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', sql<Date>`now()`)
        .returning(['family_id', 'user_id'])
        .executeTakeFirst();
      if (current) return addSuccessor(current);
      const seen = await tx
        .selectFrom('refresh_tokens')
        .select([
          'family_id',
          'user_id',
          'used_at',
          sql<boolean>`revoked_at IS NULL AND expires_at > now()
            AND used_at > now() - make_interval(secs => ${graceSeconds})`.as('inGrace'),
        ])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!seen || seen.used_at === null) return { result: 'invalid' };
      if (seen.inGrace) return addSuccessor(seen);
      await revokeFamily(tx, seen.family_id);
      return { result: 'reused', userId: seen.user_id, familyId: seen.family_id };
    });
  }

  /** Revokes the family the token belongs to (logout); returns its id. Unknown tokens are ignored. */
  async revokeFamilyOf(tokenHash: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('refresh_tokens')
      .select('family_id')
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (row) await revokeFamily(this.db, row.family_id);
    return row?.family_id;
  }

  /**
   * Revokes every family of the user but `exceptFamilyId`; returns the ids of those that were still
   * live (a token not yet expired), whose access tokens may still be in use.
   */
  async revokeAllForUser(userId: string, exceptFamilyId?: string): Promise<string[]> {
    let update = this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: sql<Date>`now()` })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null);
    if (exceptFamilyId) update = update.where('family_id', '!=', exceptFamilyId);
    const rows = await update.returning(['family_id', sql<boolean>`expires_at > now()`.as('live')]).execute();
    return [...new Set(rows.filter((r) => r.live).map((r) => r.family_id))];
  }
}

async function revokeFamily(db: Pick<Db, 'updateTable'>, familyId: string): Promise<void> {
  await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: sql<Date>`now()` })
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .execute();
}
