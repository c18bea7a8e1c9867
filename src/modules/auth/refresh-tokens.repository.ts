import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../infra/db.ts';
import './auth.tables.ts';

export type Rotation =
  | { result: 'rotated'; userId: string; familyId: string }
  | { result: 'reused'; userId: string; familyId: string }
  | { result: 'invalid' };

/**
 * Refresh tokens by SHA-256 digest, stateless: every method takes the connection first. "Now" is the
 * caller's clock (passed as `now`), never the database's, so expiry follows the injected clock.
 */
export class RefreshTokensRepository {
  async insert(
    db: DbOrTx,
    input: { familyId: string; userId: string; tokenHash: string; expiresAt: Date },
  ): Promise<void> {
    await db
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
   * Marks the presented token used and stores its successor in the same family; run in a transaction
   * (`tx`). The UPDATE's row lock makes concurrent refreshes with one token queue up: the first
   * rotates it. A token presented again within `graceSeconds` of its rotation is two tabs (or a retry)
   * racing with one cookie: it gets a successor of its own in the same family. Presented later, it
   * means a copy exists elsewhere: the whole family is revoked.
   */
  async rotate(
    tx: Tx,
    tokenHash: string,
    next: { tokenHash: string; expiresAt: Date },
    graceSeconds: number,
    now: Date,
  ): Promise<Rotation> {
    const addSuccessor = async (family: { family_id: string; user_id: string }) => {
      await this.insert(tx, {
        familyId: family.family_id,
        userId: family.user_id,
        tokenHash: next.tokenHash,
        expiresAt: next.expiresAt,
      });
      return { result: 'rotated', userId: family.user_id, familyId: family.family_id } as const;
    };
    const current = await tx
      .updateTable('refresh_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['family_id', 'user_id'])
      .executeTakeFirst();
    if (current) return addSuccessor(current);
    const graceStart = new Date(now.getTime() - graceSeconds * 1000);
    const seen = await tx
      .selectFrom('refresh_tokens')
      .select([
        'family_id',
        'user_id',
        'used_at',
        sql<boolean>`revoked_at IS NULL AND expires_at > ${now} AND used_at > ${graceStart}`.as('inGrace'),
      ])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!seen || seen.used_at === null) return { result: 'invalid' };
    if (seen.inGrace) return addSuccessor(seen);
    await this.revokeFamily(tx, seen.family_id, now);
    return { result: 'reused', userId: seen.user_id, familyId: seen.family_id };
  }

  /** Revokes the family the token belongs to (logout); returns its id. Unknown tokens are ignored. */
  async revokeFamilyOf(db: DbOrTx, tokenHash: string, now: Date): Promise<string | undefined> {
    const row = await db
      .selectFrom('refresh_tokens')
      .select('family_id')
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (row) await this.revokeFamily(db, row.family_id, now);
    return row?.family_id;
  }

  /**
   * Revokes every family of the user but `exceptFamilyId`; returns the ids of those that were still
   * live (a token not yet expired), whose access tokens may still be in use.
   */
  async revokeAllForUser(db: DbOrTx, userId: string, now: Date, exceptFamilyId?: string): Promise<string[]> {
    let update = db
      .updateTable('refresh_tokens')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null);
    if (exceptFamilyId) update = update.where('family_id', '!=', exceptFamilyId);
    const rows = await update
      .returning(['family_id', sql<boolean>`expires_at > ${now}`.as('live')])
      .execute();
    return [...new Set(rows.filter((r) => r.live).map((r) => r.family_id))];
  }

  /** Revokes every token of one family (a session ended by its owner, or a replayed token). */
  async revokeFamily(db: DbOrTx, familyId: string, now: Date): Promise<void> {
    await db
      .updateTable('refresh_tokens')
      .set({ revoked_at: now })
      .where('family_id', '=', familyId)
      .where('revoked_at', 'is', null)
      .execute();
  }
}
