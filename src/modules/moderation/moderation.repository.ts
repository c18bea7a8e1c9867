import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../infra/db.ts';
import type { BannedWordsTable } from './moderation.tables.ts';
import './moderation.tables.ts';

export type BannedWordRow = Selectable<BannedWordsTable>;

/** All of the moderation module's SQL; stateless, the connection first. */
export class ModerationRepository {
  async words(db: DbOrTx): Promise<string[]> {
    const rows = await db.selectFrom('banned_words').select('word').execute();
    return rows.map((r) => r.word);
  }

  list(db: DbOrTx): Promise<BannedWordRow[]> {
    return db.selectFrom('banned_words').selectAll().orderBy('word').execute();
  }

  /** The new row, or undefined when the word is already listed. */
  add(db: DbOrTx, word: string, addedBy: string, at: Date): Promise<BannedWordRow | undefined> {
    return db
      .insertInto('banned_words')
      .values({ word, added_by: addedBy, created_at: at })
      .onConflict((oc) => oc.column('word').doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  remove(db: DbOrTx, id: string): Promise<BannedWordRow | undefined> {
    return db.deleteFrom('banned_words').where('id', '=', id).returningAll().executeTakeFirst();
  }
}
