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
   * lock makes two concurrent refreshes with one token end as one rotation and one reuse. A token
   * presented after it was used means a copy exists elsewhere: the whole family is revoked.
   */
  async rotate(tokenHash: string, next: { tokenHash: string; expiresAt: Date }): Promise<Rotation> {
    return this.db.transaction().execute(async (tx) => {
      const current = await tx
        .updateTable('refresh_tokens')
        .set({ used_at: sql<Date>`now()` })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', sql<Date>`now()`)
        .returning(['family_id', 'user_id'])
        .executeTakeFirst();
      if (current) {
        await tx
          .insertInto('refresh_tokens')
          .values({
            family_id: current.family_id,
            user_id: current.user_id,
            token_hash: next.tokenHash,
            expires_at: next.expiresAt,
          })
          .execute();
        return { result: 'rotated', userId: current.user_id, familyId: current.family_id };
      }
      const seen = await tx
        .selectFrom('refresh_tokens')
        .select(['family_id', 'user_id', 'used_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!seen || seen.used_at === null) return { result: 'invalid' };
      await revokeFamily(tx, seen.family_id);
      return { result: 'reused', userId: seen.user_id, familyId: seen.family_id };
    });
  }

  /** Revokes the family the token belongs to (logout). Unknown tokens are ignored. */
  async revokeFamilyOf(tokenHash: string): Promise<void> {
    const row = await this.db
      .selectFrom('refresh_tokens')
      .select('family_id')
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (row) await revokeFamily(this.db, row.family_id);
  }

  async revokeAllForUser(userId: string): Promise<void> {
    await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: sql<Date>`now()` })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute();
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
