import type { DbOrTx } from '../../infra/db.ts';
import type { ReservationIdempotencyTable } from './booking.tables.ts';
import type { Selectable } from 'kysely';
import './booking.tables.ts';

export type IdempotencyRow = Selectable<ReservationIdempotencyTable>;

/**
 * `Idempotency-Key`s of reservation requests and the answers stored for them. Stateless. The key is
 * claimed by `booking_reserve` (BookingRepository.reserve) in the reservation's own statement.
 */
export class IdempotencyRepository {
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
