import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../infra/db.ts';
import type { AuthSessionsTable } from './auth.tables.ts';
import './auth.tables.ts';

export type SessionRow = Selectable<AuthSessionsTable>;

/** Sign-in sessions as the user sees them (device, address, times); stateless, connection first. */
export class SessionsRepository {
  async insert(
    db: DbOrTx,
    row: { id: string; userId: string; device: string; address: string; now: Date },
  ): Promise<void> {
    await db
      .insertInto('auth_sessions')
      .values({
        id: row.id,
        user_id: row.userId,
        device: row.device,
        address: row.address,
        created_at: row.now,
        last_seen_at: row.now,
      })
      .execute();
  }

  /** A refresh: the session was used now, from this address. */
  async touch(db: DbOrTx, id: string, address: string, now: Date): Promise<void> {
    await db.updateTable('auth_sessions').set({ last_seen_at: now, address }).where('id', '=', id).execute();
  }

  /** The user's sessions that can still refresh (an unused, unrevoked, unexpired token), latest first. */
  async listLive(db: DbOrTx, userId: string, now: Date): Promise<SessionRow[]> {
    return db
      .selectFrom('auth_sessions as s')
      .selectAll('s')
      .where('s.user_id', '=', userId)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('refresh_tokens as t')
            .select('t.id')
            .whereRef('t.family_id', '=', 's.id')
            .where('t.used_at', 'is', null)
            .where('t.revoked_at', 'is', null)
            .where('t.expires_at', '>', now),
        ),
      )
      .orderBy('s.last_seen_at', 'desc')
      .execute();
  }

  /** The session if it is the user's (any state); another user's id reads as unknown. */
  async findOwn(db: DbOrTx, userId: string, id: string): Promise<SessionRow | undefined> {
    return db
      .selectFrom('auth_sessions')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }
}
