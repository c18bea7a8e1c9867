import { sql, type Insertable } from 'kysely';
import { PREPARED, type DbOrTx } from '../../infra/db.ts';
import type { IdempotencyRow } from './idempotency.repository.ts';
import type {
  Reservation,
  ReservationSeatsTable,
  ReservationStatus,
  ReservationsTable,
  SagaStep,
  VirtualAccountInfo,
} from './booking.tables.ts';
import './booking.tables.ts';

/**
 * Every column of a reservation, spelled out: a prepared statement that selected `*` would fail after a
 * migration adds a column (src/infra/db.ts, PREPARED). The type check below fails to compile when
 * ReservationsTable gains a column this list lacks.
 */
const RESERVATION_COLUMNS = [
  'id',
  'user_id',
  'showtime_id',
  'performance_id',
  'hold_id',
  'status',
  'amount',
  'discount',
  'total',
  'user_coupon_id',
  'payment_id',
  'booking_number',
  'booker_name',
  'booker_phone',
  'payment_status',
  'pay_method',
  'easy_pay_provider',
  'virtual_account',
  'step',
  'failure_code',
  'refund_amount',
  'refunded_amount',
  'expires_at',
  'last_checked_at',
  'confirmed_at',
  'closed_at',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof ReservationsTable)[];
type UnlistedColumn = Exclude<keyof ReservationsTable, (typeof RESERVATION_COLUMNS)[number]>;
const everyColumnListed: [UnlistedColumn] extends [never] ? true : UnlistedColumn = true;
void everyColumnListed;
const reservationColumns = sql.raw(RESERVATION_COLUMNS.join(', '));

/** How often the recovery job asks the gateway about a virtual account still waiting for its deposit. */
const VIRTUAL_ACCOUNT_POLL_MS = 10 * 60_000;

/** A seat of a reservation as shown and sent in events: the catalogue's seat at the reservation's price. */
export interface SeatInfo {
  id: string;
  section: string;
  row: string;
  number: number;
  grade: string;
  price: number;
  status: 'AVAILABLE' | 'SOLD';
  /** What a reservation sold it as (absent for seats not yet reserved). */
  ticketType?: ReservedTicketType;
}

export interface ReservedTicketType {
  code: string;
  name: string;
  proofRequired: boolean;
}

export interface ReservedSeat {
  seatId: string;
  price: number;
  ticketType: ReservedTicketType;
}

/**
 * Booking's database access: reservations, their seats and nothing else. Seats and showtimes belong
 * to the catalogue and are reached through `InventoryPort` (ports.ts), inside the same transaction.
 * Stateless: every method takes the connection (primary, transaction or replica) first.
 */
export class BookingRepository {
  /** Showtimes of the user's orders still in play: being paid for, or paid. */
  async openOrderShowtimes(db: DbOrTx, userId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('reservations')
      .select('showtime_id')
      .distinct()
      .where('user_id', '=', userId)
      .where('status', 'in', ['PENDING_PAYMENT', 'CONFIRMED'])
      .execute();
    return rows.map((r) => r.showtime_id);
  }

  /**
   * Withdrawal: the booker's name and phone leave every reservation of the user; the reservation
   * (a contract record kept by law) stays. Returns how many reservations had them.
   */
  async eraseBookers(db: DbOrTx, userId: string): Promise<number> {
    const result = await db
      .updateTable('reservations')
      .set({ booker_name: null, booker_phone: null })
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('booker_name', 'is not', null), eb('booker_phone', 'is not', null)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /**
   * One round trip for a hold: which of `seatIds` are in a live reservation, and how many seats the
   * user already has in live reservations of the showtime (the per-user limit).
   */
  async liveSeatsAndUserCount(
    db: DbOrTx,
    showtimeId: string,
    seatIds: string[],
    userId: string,
  ): Promise<{ taken: Set<string>; userCount: number }> {
    const { rows } = await sql<{ taken: string[]; user_count: number }>`${sql.raw(PREPARED)}
      SELECT coalesce(array_agg(rs.seat_id) FILTER (WHERE rs.seat_id = ANY(${seatIds}::uuid[])), '{}') AS taken,
             count(*) FILTER (WHERE r.user_id = ${userId})::int AS user_count
        FROM reservation_seats rs
        JOIN reservations r ON r.id = rs.reservation_id
       WHERE rs.showtime_id = ${showtimeId}
         AND rs.released_at IS NULL
         AND (rs.seat_id = ANY(${seatIds}::uuid[]) OR r.user_id = ${userId})`.execute(db);
    const row = rows[0]!;
    return { taken: new Set(row.taken), userCount: Number(row.user_count) };
  }

  /**
   * The reservation's one write statement (migration 0145, `booking_reserve`): claims the key, takes the
   * per-user lock, counts the user's live seats against `maxTickets`, refuses seats in a live
   * reservation, inserts the reservation and its seats. Returns the key's row when the key was already
   * claimed (nothing written then). A refusal is a database error with the claim rolled back: SQLSTATE
   * P0001 with the API's code as message (TICKET_LIMIT_EXCEEDED, SEATS_UNAVAILABLE) and its details as
   * JSON in `detail`, or a unique violation (reservation_seats_live, reservations_hold_id_key).
   */
  async reserve(
    db: DbOrTx,
    input: {
      idempotencyKey: string;
      requestHash: string;
      maxTickets: number;
      reservation: Insertable<ReservationsTable>;
      seats: Omit<Insertable<ReservationSeatsTable>, 'reservation_id' | 'showtime_id' | 'released_at'>[];
    },
  ): Promise<{ existing?: IdempotencyRow }> {
    const payload = JSON.stringify({
      idempotency_key: input.idempotencyKey,
      request_hash: input.requestHash,
      max_tickets: input.maxTickets,
      reservation: input.reservation,
      seats: input.seats,
    });
    const { rows } = await sql<{ r: { existing?: IdempotencyRow } }>`${sql.raw(PREPARED)}
      SELECT booking_reserve(${payload}::jsonb) AS r`.execute(db);
    return rows[0]!.r;
  }

  /**
   * After the gateway took the payment's registration, in one statement: the saga step moves on
   * (RESERVED → PAYMENT_REGISTERED, with the virtual account when one was issued) and the key's answer
   * is stored for replays.
   */
  async registered(
    db: DbOrTx,
    input: {
      reservationId: string;
      virtualAccount: VirtualAccountInfo | null;
      userId: string;
      idempotencyKey: string;
      response: { status: number; body: unknown };
    },
  ): Promise<void> {
    await sql`${sql.raw(PREPARED)}
      WITH registered AS (
        UPDATE reservations
           SET step = 'PAYMENT_REGISTERED', updated_at = now(),
               virtual_account = coalesce(${input.virtualAccount ? JSON.stringify(input.virtualAccount) : null}::jsonb, virtual_account)
         WHERE id = ${input.reservationId} AND step = 'RESERVED'
      )
      UPDATE reservation_idempotency
         SET response_status = ${input.response.status}, response_body = ${JSON.stringify(input.response.body)}::jsonb
       WHERE user_id = ${input.userId} AND idempotency_key = ${input.idempotencyKey}`.execute(db);
  }

  async setDiscount(tx: DbOrTx, id: string, discount: number, total: number): Promise<void> {
    await tx.updateTable('reservations').set({ discount, total }).where('id', '=', id).execute();
  }

  async byId(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}): Promise<Reservation | undefined> {
    let q = db.selectFrom('reservations').selectAll().where('id', '=', id);
    if (opts.forUpdate) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  /** Complete's read: prepared, so its columns are listed. */
  async byPaymentId(db: DbOrTx, paymentId: string): Promise<Reservation | undefined> {
    const { rows } = await sql<Reservation>`${sql.raw(PREPARED)}
      SELECT ${reservationColumns} FROM reservations WHERE payment_id = ${paymentId}`.execute(db);
    return rows[0];
  }

  /**
   * The reservation of a payment, with a webhook about it written to its timeline by the same
   * statement (every purchase gets one; this is one round trip instead of two).
   */
  async byPaymentIdNotingWebhook(db: DbOrTx, paymentId: string): Promise<Reservation | undefined> {
    const { rows } = await sql<Reservation>`${sql.raw(PREPARED)}
      WITH r AS (SELECT ${reservationColumns} FROM reservations WHERE payment_id = ${paymentId}),
           noted AS (INSERT INTO reservation_history (reservation_id, kind, detail)
                     SELECT id, 'WEBHOOK', ${JSON.stringify({ paymentId })}::jsonb FROM r)
      SELECT * FROM r`.execute(db);
    return rows[0];
  }

  /** The seats of a reservation (released ones included) with the price it was sold at. */
  async reservedSeats(db: DbOrTx, reservationId: string): Promise<ReservedSeat[]> {
    const rows = await db
      .selectFrom('reservation_seats')
      .select(['seat_id as seatId', 'price', 'ticket_type', 'ticket_type_name', 'proof_required'])
      .where('reservation_id', '=', reservationId)
      .execute();
    return rows.map((r) => reservedSeat({ ...r, seat_id: r.seatId }));
  }

  async listForUser(
    db: DbOrTx,
    userId: string,
    page: number,
    size: number,
  ): Promise<{ items: Reservation[]; total: number }> {
    const items = await db
      .selectFrom('reservations')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .limit(size)
      .offset((page - 1) * size)
      .execute();
    const { n } = await db
      .selectFrom('reservations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return { items, total: Number(n) };
  }

  /** Moves a reservation on only if it is still in `from` (the race guard for complete/webhook/jobs). */
  async transition(
    tx: DbOrTx,
    id: string,
    from: ReservationStatus,
    set: Partial<{
      status: ReservationStatus;
      step: SagaStep;
      payment_status: string;
      failure_code: string | null;
      refund_amount: number | null;
      confirmed_at: Date;
      closed_at: Date;
    }>,
  ): Promise<Reservation | undefined> {
    return tx
      .updateTable('reservations')
      .set({ ...set, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('status', '=', from)
      .returningAll()
      .executeTakeFirst();
  }

  /**
   * PENDING_PAYMENT → CONFIRMED (paid), returning the row and its seats as sold, or undefined when
   * the reservation had already moved. The conditional UPDATE is the row lock and the race guard.
   */
  async confirmPending(
    tx: DbOrTx,
    id: string,
    at: Date,
  ): Promise<{ row: Reservation; seats: ReservedSeat[] } | undefined> {
    const { rows } = await sql<Reservation & { sold: SoldSeatRow[] }>`
      UPDATE reservations
         SET status = 'CONFIRMED', step = 'CONFIRMED', payment_status = 'PAID', confirmed_at = ${at},
             updated_at = now()
       WHERE id = ${id} AND status = 'PENDING_PAYMENT'
      RETURNING *,
        (SELECT coalesce(json_agg(json_build_object(
                  'seat_id', rs.seat_id, 'price', rs.price, 'ticket_type', rs.ticket_type,
                  'ticket_type_name', rs.ticket_type_name, 'proof_required', rs.proof_required)), '[]')
           FROM reservation_seats rs WHERE rs.reservation_id = reservations.id) AS sold`.execute(tx);
    const found = rows[0];
    if (!found) return undefined;
    const { sold, ...row } = found;
    return { row: row as Reservation, seats: sold.map(reservedSeat) };
  }

  /**
   * PENDING_PAYMENT → CONFIRMED for a reservation without a coupon, its seats sold and its
   * `reservation.confirmed` event written, in one statement (`booking_confirm`, migrations 0165 and 0170; its own
   * transaction). Undefined when it was not pending (nothing written); 'SEATS_CONFLICT' when a seat
   * could not be sold (nothing written either).
   */
  async confirmAtOnce(
    db: DbOrTx,
    id: string,
    at: Date,
    eventVersion: number,
  ): Promise<ConfirmedAtOnce | 'SEATS_CONFLICT' | undefined> {
    const input = JSON.stringify({
      reservation_id: id,
      confirmed_at: at.toISOString(),
      event_version: eventVersion,
    });
    try {
      const { rows } = await sql<{ r: ConfirmedAtOnceRow | null }>`${sql.raw(PREPARED)}
        SELECT booking_confirm(${input}::jsonb) AS r`.execute(db);
      const r = rows[0]!.r;
      if (!r) return undefined;
      return {
        userId: r.user_id,
        showtimeId: r.showtime_id,
        performanceId: r.performance_id,
        seatIds: r.seat_ids,
      };
    } catch (err) {
      if (raised(err, 'SEATS_CONFLICT')) return 'SEATS_CONFLICT';
      throw err;
    }
  }

  async setStep(db: DbOrTx, id: string, from: SagaStep, to: SagaStep, paymentStatus?: string): Promise<void> {
    await db
      .updateTable('reservations')
      .set({
        step: to,
        ...(paymentStatus ? { payment_status: paymentStatus } : {}),
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .where('step', '=', from)
      .execute();
  }

  async releaseSeats(tx: DbOrTx, reservationId: string): Promise<void> {
    await tx
      .updateTable('reservation_seats')
      .set({ released_at: sql<Date>`now()` })
      .where('reservation_id', '=', reservationId)
      .where('released_at', 'is', null)
      .execute();
  }

  /**
   * CONFIRMED → cancellation requested with the refund fixed (the first of a cancellation's two
   * steps). Runs under the caller's row lock.
   */
  async requestCancel(
    tx: DbOrTx,
    id: string,
    set: { refund_amount: number; failure_code?: string },
  ): Promise<Reservation> {
    return tx
      .updateTable('reservations')
      .set({ ...set, step: 'CANCEL_REQUESTED' })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * A payment arrived for a reservation that closed without it: owe a refund (CANCEL_PAYMENT_PENDING),
   * unless a refund or cancellation is already under way. Returns the row when it changed.
   */
  async owePaymentRefund(
    db: DbOrTx,
    id: string,
    status: ReservationStatus,
  ): Promise<Reservation | undefined> {
    return db
      .updateTable('reservations')
      .set({ step: 'CANCEL_PAYMENT_PENDING', failure_code: 'LATE_PAYMENT' })
      .where('id', '=', id)
      .where('status', '=', status)
      .where('step', 'in', ['COMPENSATED', 'PAYMENT_CANCELLED', 'RESERVED', 'PAYMENT_REGISTERED'])
      .returningAll()
      .executeTakeFirst();
  }

  /** Work for the recovery job. */
  async due(
    db: DbOrTx,
    kind: 'expired' | 'unsettled' | 'compensation' | 'cancellation',
    opts: { now: Date; olderThanMs: number; limit: number },
  ): Promise<Reservation[]> {
    const age = new Date(opts.now.getTime() - opts.olderThanMs);
    let q = db.selectFrom('reservations').selectAll().limit(opts.limit);
    if (kind === 'expired') {
      q = q.where('status', '=', 'PENDING_PAYMENT').where('expires_at', '<', opts.now).orderBy('expires_at');
    } else if (kind === 'unsettled') {
      // A virtual account waits up to a day for its deposit (whose webhook normally settles it): asked
      // about every 10 minutes, not every run, and the least recently asked go first, so a backlog of
      // waiting accounts cannot crowd card payments out of the batch.
      const accountAge = new Date(opts.now.getTime() - Math.max(opts.olderThanMs, VIRTUAL_ACCOUNT_POLL_MS));
      q = q
        .where('status', '=', 'PENDING_PAYMENT')
        .where('created_at', '<', age)
        .where((eb) => eb.or([eb('last_checked_at', 'is', null), eb('last_checked_at', '<', age)]))
        .where((eb) =>
          eb.or([
            eb('pay_method', '!=', 'VIRTUAL_ACCOUNT'),
            eb('last_checked_at', 'is', null),
            eb('last_checked_at', '<', accountAge),
          ]),
        )
        .orderBy(sql`coalesce(last_checked_at, created_at)`);
    } else {
      q = q
        .where('step', '=', kind === 'compensation' ? 'CANCEL_PAYMENT_PENDING' : 'CANCEL_REQUESTED')
        .where('updated_at', '<', age)
        .orderBy('updated_at');
    }
    return q.execute();
  }

  /** The buyer's refund account for a virtual-account payment; a second cancel request may correct it. */
  async saveRefundAccount(
    tx: DbOrTx,
    id: string,
    account: { bank: string; number: string; holder: string },
  ): Promise<void> {
    await tx
      .insertInto('reservation_refund_accounts')
      .values({ reservation_id: id, ...account })
      .onConflict((oc) => oc.column('reservation_id').doUpdateSet(account))
      .execute();
  }

  async refundAccount(
    db: DbOrTx,
    id: string,
  ): Promise<{ bank: string; number: string; holder: string } | undefined> {
    return db
      .selectFrom('reservation_refund_accounts')
      .select(['bank', 'number', 'holder'])
      .where('reservation_id', '=', id)
      .executeTakeFirst();
  }

  async touchChecked(db: DbOrTx, id: string): Promise<void> {
    await db
      .updateTable('reservations')
      .set({ last_checked_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  }
  /** CONFIRMED reservations of a showtime with their live seats (for reminders and review invitations). */
  async confirmedOfShowtime(
    db: DbOrTx,
    showtimeId: string,
  ): Promise<{ reservationId: string; userId: string; seatIds: string[]; proofRequired: boolean }[]> {
    const { rows } = await sql<{
      reservationId: string;
      userId: string;
      seatIds: string[];
      proofRequired: boolean;
    }>`
      SELECT r.id AS "reservationId", r.user_id AS "userId",
             coalesce(array_agg(rs.seat_id) FILTER (WHERE rs.seat_id IS NOT NULL), '{}') AS "seatIds",
             coalesce(bool_or(rs.proof_required), false) AS "proofRequired"
      FROM reservations r
      LEFT JOIN reservation_seats rs ON rs.reservation_id = r.id AND rs.released_at IS NULL
      WHERE r.showtime_id = ${showtimeId} AND r.status = 'CONFIRMED'
      GROUP BY r.id
      ORDER BY r.id`.execute(db);
    return rows;
  }
}

type SoldSeatRow = {
  seat_id: string;
  price: number;
  ticket_type: string;
  ticket_type_name: string;
  proof_required: boolean;
};

export interface ConfirmedAtOnce {
  userId: string;
  showtimeId: string;
  performanceId: string;
  seatIds: string[];
}

interface ConfirmedAtOnceRow {
  user_id: string;
  showtime_id: string;
  performance_id: string;
  seat_ids: string[];
}

/** A refusal RAISEd by one of booking's functions: SQLSTATE P0001 with the code as its message. */
function raised(err: unknown, code: string): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === 'P0001' && e.message === code;
}

function reservedSeat(r: SoldSeatRow): ReservedSeat {
  return {
    seatId: r.seat_id,
    price: r.price,
    ticketType: { code: r.ticket_type, name: r.ticket_type_name, proofRequired: r.proof_required },
  };
}
