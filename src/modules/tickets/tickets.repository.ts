import { sql, type Insertable, type Selectable } from 'kysely';
import type { DbOrTx, Tx } from '../../infra/db.ts';
import type { IssuanceFailuresTable, TicketsTable } from './tickets.tables.ts';
import './tickets.tables.ts';

export type TicketRow = Selectable<TicketsTable>;
export type IssuanceFailureRow = Selectable<IssuanceFailuresTable>;

/**
 * Tickets, revocations and issuance failures, stateless: every method takes the connection first (the
 * primary, an open transaction, or the replica read routing chose). "Now" comes from the caller's clock.
 */
export class TicketsRepository {
  /** Records that `consumer` handled `eventId`; false when it already had (a redelivery). */
  async markProcessed(tx: Tx, consumer: string, eventId: string): Promise<boolean> {
    const { rows } = await sql<{ event_id: string }>`
      INSERT INTO processed_events (consumer, event_id) VALUES (${consumer}, ${eventId})
      ON CONFLICT DO NOTHING RETURNING event_id`.execute(tx);
    return rows.length === 1;
  }

  /**
   * markProcessed, then the reservation's lock, in one round trip (the consumer's hot path).
   * The lock serializes issuance and revocation of one reservation, which two events may race.
   */
  async markProcessedAndLock(
    tx: Tx,
    consumer: string,
    eventId: string,
    reservationId: string,
  ): Promise<boolean> {
    const { rows } = await sql<{ event_id: string }>`
      INSERT INTO processed_events (consumer, event_id) VALUES (${consumer}, ${eventId})
      ON CONFLICT DO NOTHING
      RETURNING event_id, pg_advisory_xact_lock(hashtext('tickets:reservation'), hashtext(${reservationId}))`.execute(
      tx,
    );
    return rows.length === 1;
  }

  async lockReservation(tx: Tx, reservationId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtext('tickets:reservation'), hashtext(${reservationId}))`.execute(
      tx,
    );
  }

  /**
   * Inserts the tickets not yet issued for their (reservation, seat), unless the reservation is
   * revoked; returns the new ones. Run after the reservation's lock, so the revocation check sees
   * every committed cancellation (the statement's snapshot is taken after the lock was granted).
   */
  async insertTicketsUnlessRevoked(tx: Tx, tickets: Insertable<TicketsTable>[]): Promise<TicketRow[]> {
    const { rows } = await sql<TicketRow>`
      INSERT INTO tickets (id, reservation_id, user_id, performance_id, showtime_id, seat_id, section, row_label,
                           number, grade, price, code, booking_number, ticket_type_code, ticket_type_name,
                           proof_required)
      SELECT x.id, x.reservation_id, x.user_id, x.performance_id, x.showtime_id, x.seat_id, x.section, x.row_label,
             x.number, x.grade, x.price, x.code, x.booking_number, x.ticket_type_code, x.ticket_type_name,
             coalesce(x.proof_required, false)
      FROM jsonb_to_recordset(${JSON.stringify(tickets)}::jsonb) AS x(
        id uuid, reservation_id uuid, user_id uuid, performance_id uuid, showtime_id uuid, seat_id uuid,
        section text, row_label text, number int, grade text, price int, code text, booking_number text,
        ticket_type_code text, ticket_type_name text, proof_required boolean)
      WHERE NOT EXISTS (SELECT 1 FROM ticket_revocations r WHERE r.reservation_id = x.reservation_id)
      ON CONFLICT (reservation_id, seat_id) DO NOTHING
      RETURNING *`.execute(tx);
    return rows;
  }

  async countValidForReservation(tx: DbOrTx, reservationId: string): Promise<number> {
    const row = await tx
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('reservation_id', '=', reservationId)
      .where('status', '<>', 'REVOKED')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Marks the reservation revoked (for tickets issued later too) and revokes its current tickets. */
  async revokeReservation(
    tx: Tx,
    reservationId: string,
    eventId: string,
    now: Date,
  ): Promise<{ id: string; userId: string }[]> {
    await tx
      .insertInto('ticket_revocations')
      .values({ reservation_id: reservationId, event_id: eventId })
      .onConflict((oc) => oc.column('reservation_id').doNothing())
      .execute();
    const rows = await tx
      .updateTable('tickets')
      .set({ status: 'REVOKED', revoked_at: now })
      .where('reservation_id', '=', reservationId)
      .where('status', '<>', 'REVOKED')
      .returning(['id', 'user_id as userId'])
      .execute();
    return rows;
  }

  /** How many ISSUED (not used, not revoked) tickets the user holds, per showtime. */
  async issuedPerShowtime(db: DbOrTx, userId: string): Promise<{ showtimeId: string; count: number }[]> {
    const rows = await db
      .selectFrom('tickets')
      .select(['showtime_id as showtimeId', (eb) => eb.fn.countAll<string>().as('count')])
      .where('user_id', '=', userId)
      .where('status', '=', 'ISSUED')
      .groupBy('showtime_id')
      .execute();
    return rows.map((r) => ({ showtimeId: r.showtimeId, count: Number(r.count) }));
  }

  async listByUser(db: DbOrTx, userId: string): Promise<TicketRow[]> {
    return db
      .selectFrom('tickets')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('issued_at', 'desc')
      .orderBy('section')
      .orderBy('row_label')
      .orderBy('number')
      .limit(500)
      .execute();
  }

  async listByReservation(db: DbOrTx, reservationId: string): Promise<TicketRow[]> {
    return db
      .selectFrom('tickets')
      .selectAll()
      .where('reservation_id', '=', reservationId)
      .orderBy('section')
      .orderBy('row_label')
      .orderBy('number')
      .execute();
  }

  async findById(db: DbOrTx, id: string): Promise<TicketRow | undefined> {
    return db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * ISSUED → USED in one conditional UPDATE: of any number of concurrent scans exactly one matches
   * the row; the others find it USED. Returns the updated row, or the row as it is when none (null
   * when no ticket has these claims).
   */
  async markUsed(
    db: DbOrTx,
    input: { ticketId: string; showtimeId: string; seatId: string; staffId: string },
    now: Date,
  ): Promise<{ used: TicketRow } | { current: TicketRow | null }> {
    const used = await db
      .updateTable('tickets')
      .set({ status: 'USED', used_at: now, used_by: input.staffId })
      .where('id', '=', input.ticketId)
      .where('showtime_id', '=', input.showtimeId)
      .where('seat_id', '=', input.seatId)
      .where('status', '=', 'ISSUED')
      .returningAll()
      .executeTakeFirst();
    if (used) return { used };
    return { current: (await this.findByClaims(db, input)) ?? null };
  }

  /** The ticket a verified code names: id, showtime and seat must all match. */
  async findByClaims(
    db: DbOrTx,
    claims: { ticketId: string; showtimeId: string; seatId: string },
  ): Promise<TicketRow | undefined> {
    return db
      .selectFrom('tickets')
      .selectAll()
      .where('id', '=', claims.ticketId)
      .where('showtime_id', '=', claims.showtimeId)
      .where('seat_id', '=', claims.seatId)
      .executeTakeFirst();
  }

  /** Per showtime: tickets that admit someone (ISSUED or USED) and those already used. */
  async doorCounts(
    db: DbOrTx,
    showtimeIds: string[],
  ): Promise<Map<string, { issued: number; checkedIn: number }>> {
    if (showtimeIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('tickets')
      .select((eb) => [
        'showtime_id',
        eb.fn.countAll<string>().as('issued'),
        eb.fn.count<string>('id').filterWhere('status', '=', 'USED').as('checked_in'),
      ])
      .where('showtime_id', 'in', showtimeIds)
      .where('status', '<>', 'REVOKED')
      .groupBy('showtime_id')
      .execute();
    return new Map(
      rows.map((r) => [r.showtime_id, { issued: Number(r.issued), checkedIn: Number(r.checked_in) }]),
    );
  }

  /** Inserts a failure once per message; returns its id, or undefined when already recorded. */
  async recordFailure(tx: Tx, failure: Insertable<IssuanceFailuresTable>): Promise<string | undefined> {
    const row = await tx
      .insertInto('issuance_failures')
      .values({ ...failure, payload: JSON.stringify(failure.payload ?? null) })
      .onConflict((oc) => oc.column('message_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  }

  async listFailures(db: DbOrTx, limit: number): Promise<IssuanceFailureRow[]> {
    return db.selectFrom('issuance_failures').selectAll().orderBy('failed_at', 'desc').limit(limit).execute();
  }
}
