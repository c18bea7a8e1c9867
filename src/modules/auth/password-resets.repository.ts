import type { DbOrTx } from '../../infra/db.ts';
import './auth.tables.ts';

/**
 * Password-reset tokens by SHA-256 digest, stateless: every method takes the connection first.
 * "Now" is the caller's clock, never the database's, so expiry follows the injected clock.
 */
export class PasswordResetsRepository {
  async insert(db: DbOrTx, input: { userId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
    await db
      .insertInto('password_reset_tokens')
      .values({
        user_id: input.userId,
        token_hash: input.tokenHash,
        expires_at: input.expiresAt,
        used_at: null,
      })
      .execute();
  }

  /** The account of a token that is unused and unexpired at `now`, without using it. */
  async findLive(db: DbOrTx, tokenHash: string, now: Date): Promise<string | undefined> {
    const row = await db
      .selectFrom('password_reset_tokens')
      .select('user_id')
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row?.user_id;
  }

  /**
   * Uses the token, once: the conditional UPDATE lets exactly one of two concurrent confirmations
   * through. Every other live token of the account is used up with it. Returns the account, if any.
   */
  async consume(db: DbOrTx, tokenHash: string, now: Date): Promise<string | undefined> {
    const row = await db
      .updateTable('password_reset_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('user_id')
      .executeTakeFirst();
    if (!row) return undefined;
    await db
      .updateTable('password_reset_tokens')
      .set({ used_at: now })
      .where('user_id', '=', row.user_id)
      .where('used_at', 'is', null)
      .execute();
    return row.user_id;
  }
}
