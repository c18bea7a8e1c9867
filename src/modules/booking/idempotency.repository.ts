import type { DbOrTx } from '../../infra/db.ts';
import type { ReservationIdempotencyTable } from './booking.tables.ts';
import type { Selectable } from 'kysely';
import './booking.tables.ts';

export type IdempotencyRow = Selectable<ReservationIdempotencyTable>;

/** `Idempotency-Key`s of reservation requests and the answers stored for them. Stateless. */
export class IdempotencyRepository {
  /** Inserts the key; false when another request already holds it (PostgreSQL waits for that one to end). */
  async claim(
    tx: DbOrTx,
    row: { userId: string; key: string; requestHash: string; reservationId: string },
  ): Promise<boolean> {
    const inserted = await tx
      .insertInto('reservation_idempotency')
      .values({
        user_id: row.userId,
        idempotency_key: row.key,
        request_hash: row.requestHash,
        reservation_id: row.reservationId,
        response_status: null,
        response_body: null,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('user_id')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  async find(db: DbOrTx, userId: string, key: string): Promise<IdempotencyRow | undefined> {
    return db
      .selectFrom('reservation_idempotency')
      .selectAll()
      .where('user_id', '=', userId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
  }

  /** The answer to replay for this key. */
  async store(
    db: DbOrTx,
    userId: string,
    key: string,
    response: { status: number; body: unknown },
  ): Promise<void> {
    await db
      .updateTable('reservation_idempotency')
      .set({ response_status: response.status, response_body: JSON.stringify(response.body) })
      .where('user_id', '=', userId)
      .where('idempotency_key', '=', key)
      .execute();
  }
}
