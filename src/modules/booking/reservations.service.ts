import { createHash, randomUUID } from 'node:crypto';
import { newBookingNumber } from './booking-number.ts';
import { AppError, type ErrorCode } from '../../errors.ts';
import { isPgError, PG } from '../../infra/db.ts';
import type { PayMethod, Reservation, VirtualAccountInfo } from './booking.tables.ts';
import { browserPaymentRequest, channelKeys, type BrowserPaymentRequest } from '../payments/index.ts';
import { afterCommit, type BookingDeps } from './booking.deps.ts';
import type { HoldService } from './holds.service.ts';
import type { CheckoutSaga } from './checkout-saga.ts';
import { stepTimer } from './checkout-steps.ts';
import type { HoldFacts, HoldRecord } from './hold.repository.ts';
import type { IdempotencyRow } from './idempotency.repository.ts';

export interface CreatedReservation {
  id: string;
  bookingNumber: string;
  status: string;
  amount: number;
  discount: number;
  total: number;
  expiresAt: string;
  payment: {
    id: string;
    checkoutUrl: string;
    payMethod: PayMethod;
    easyPayProvider?: EasyPayProvider;
    /** For PortOne's browser requestPayment (card, easy pay, transfer). */
    request?: BrowserPaymentRequest;
    /** Where to deposit (virtual account). */
    virtualAccount?: VirtualAccountInfo;
  };
}

export type EasyPayProvider = 'KAKAOPAY' | 'TOSSPAY' | 'NAVERPAY';

const HOUR_MS = 3_600_000;

type Stored = { status: number; body: unknown };

/**
 * Reservation from a hold: step one of the checkout saga. The amount comes from the seats' prices in
 * the database and the performance's ticket types, never from the client; the partial unique index on live reservation seats is the guard.
 */
/** A payment pre-registered with the hold's amount while its reservation is being written. */
interface EarlyRegistration {
  paymentId: string;
  amount: number;
  done: Promise<void>;
}

export class ReservationService {
  constructor(
    private readonly d: BookingDeps,
    private readonly holds: HoldService,
    private readonly saga: CheckoutSaga,
  ) {}

  async create(input: {
    userId: string;
    idempotencyKey: string;
    holdId: string;
    userCouponId?: string;
    /** Seat id → ticket type code; a seat left out is ADULT. */
    ticketTypes?: Record<string, string>;
    booker?: { name: string; phone: string };
    admissionToken?: string;
    /**
     * The route's rate limit, counted while the hold is read (`request.limitVerdict`): awaited before
     * anything is written or sent to the gateway, and its 429 answers before any other refusal.
     */
    counted?: Promise<void>;
    payMethod?: PayMethod;
    easyPayProvider?: EasyPayProvider;
  }): Promise<CreatedReservation> {
    const lap = stepTimer(this.d.metrics.steps);
    const { userId, idempotencyKey } = input;
    const payMethod = input.payMethod ?? 'CARD';
    if ((payMethod === 'EASY_PAY') !== (input.easyPayProvider !== undefined)) {
      throw new AppError(
        'VALIDATION_FAILED',
        'easyPayProvider goes with payMethod EASY_PAY, and only with it',
      );
    }
    const easyPayProvider = input.easyPayProvider ?? null;
    const chosenTypes = input.ticketTypes ?? {};
    const booker = input.booker
      ? { name: input.booker.name.trim(), phone: input.booker.phone.replaceAll('-', '') }
      : null;
    const requestHash = createHash('sha256')
      .update(
        JSON.stringify([
          input.holdId,
          input.userCouponId ?? null,
          Object.entries(chosenTypes).sort(([a], [b]) => a.localeCompare(b)),
          booker,
          // Older clients (card, no field) keep the hash they always had.
          ...(payMethod === 'CARD' ? [] : [payMethod, easyPayProvider]),
        ]),
      )
      .digest('hex');

    const reservationId = randomUUID();
    // The checks before any write, read side by side: the hold (Redis) and, for a hold this instance
    // made for this buyer, the catalogue for its seats (the showtime's facts, the seats, their prices):
    // a hold's seats never change, and whether it is still open is the hold's read to say. The route's
    // rate limit is counted meanwhile and decides before anything is written. A refusal here may be the
    // replay of a request that already succeeded (its hold is reserved by now): a stored answer for the
    // key wins over it.
    const holdRead = this.liveHold(userId, input.holdId);
    const facts = this.d.holds.factsOfHoldMadeHere(input.holdId);
    const ahead = facts?.userId === userId ? facts : undefined;
    const catalogueRead =
      ahead && this.prepare(ahead, userId, chosenTypes, input.admissionToken, input.userCouponId);
    holdRead.catch(() => undefined);
    catalogueRead?.catch(() => undefined);
    // Without a coupon or chosen ticket types the buyer pays the seats' list prices, which the hold
    // recorded: the payment is pre-registered with that amount at once (the gateway's wait overlaps the
    // reads and the write), and kept only if the prices read agree. A pre-registration left unused (a
    // refusal, the limit's 429, a price changed since the hold) is never paid: the buyer never gets its id.
    const listPrice = !input.userCouponId && Object.keys(chosenTypes).length === 0;
    let early = ahead && listPrice ? this.registerEarly(reservationId, ahead.amount) : undefined;
    await input.counted;
    let hold: HoldRecord;
    let prepared: Awaited<ReturnType<ReservationService['prepare']>>;
    try {
      hold = await holdRead;
      lap('reserve_hold');
      if (!early && listPrice) early = this.registerEarly(reservationId, hold.amount);
      prepared = await (catalogueRead && ahead && sameHold(ahead, hold)
        ? catalogueRead
        : this.prepare(hold, userId, chosenTypes, input.admissionToken, input.userCouponId));
      lap('reserve_catalogue');
    } catch (err) {
      if (err instanceof AppError) {
        const replay = await this.replay(userId, idempotencyKey, requestHash);
        if (replay) return replay;
      }
      throw err;
    }
    const { showtime, seats, priced } = prepared;
    const sale = new Map(priced.map((p) => [p.seatId, p]));
    const amount = priced.reduce((sum, p) => sum + p.price, 0);

    const registration = early?.amount === amount ? early : undefined;
    const paymentId = registration?.paymentId ?? randomUUID();
    const bookingNumber = newBookingNumber(this.d.clock.now());
    const expiresAt = this.deadline(payMethod, showtime.startsAt);
    const { repo } = this.d;
    const write = {
      idempotencyKey,
      requestHash,
      maxTickets: showtime.maxTicketsPerUser,
      reservation: {
        id: reservationId,
        user_id: userId,
        showtime_id: showtime.id,
        performance_id: showtime.performanceId,
        hold_id: hold.id,
        status: 'PENDING_PAYMENT' as const,
        amount,
        total: amount,
        user_coupon_id: input.userCouponId ?? null,
        payment_id: paymentId,
        booking_number: bookingNumber,
        booker_name: booker?.name ?? null,
        booker_phone: booker?.phone ?? null,
        pay_method: payMethod,
        easy_pay_provider: easyPayProvider,
        failure_code: null,
        refund_amount: null,
        expires_at: expiresAt,
        last_checked_at: null,
        confirmed_at: null,
        closed_at: null,
      },
      seats: seats.map((s) => {
        const { ticketType, price } = sale.get(s.id)!;
        return {
          seat_id: s.id,
          price,
          list_price: s.price,
          ticket_type: ticketType.code,
          ticket_type_name: ticketType.name,
          proof_required: ticketType.proofRequired,
        };
      }),
    };
    const { userCouponId } = input;
    const discounts = this.d.discounts;
    // Without a coupon the reservation is one statement, its own transaction (no BEGIN/COMMIT); a
    // coupon is reserved by the coupons module in the same transaction as the reservation.
    const outcome =
      userCouponId && discounts
        ? await this.d.db.transaction().execute(async (tx) => {
            const written = await guard(() => repo.reserve(tx, write));
            if (written.existing) return written;
            const discount = await discounts.reserve(tx, {
              userId,
              userCouponId,
              orderAmount: amount,
              reservationId,
            });
            const applied = Math.max(0, Math.min(discount, amount));
            await repo.setDiscount(tx, reservationId, applied, amount - applied);
            return { discount: applied };
          })
        : await guard(() => repo.reserve(this.d.db, write));
    lap('reserve_write');
    if ('existing' in outcome && outcome.existing) {
      const again = await this.answer(outcome.existing, requestHash);
      if (again) return again;
      throw new AppError('IDEMPOTENCY_IN_PROGRESS');
    }
    const claimed = { amount, discount: 'discount' in outcome ? (outcome.discount ?? 0) : 0 };
    // The reservation is committed: this user's next reads (my reservations) go to the primary.
    await afterCommit(this.d.log, 'read-your-writes marker', () => this.d.readRouting.markWrote(userId));

    // Seats stay taken in Redis a little past the deadline, so the recovery job expires the reservation
    // first. Marked while the gateway's registration ends and the answer is stored (independent of
    // both), and awaited before either outcome goes on: a compensation below frees the seats after they
    // were marked, never before, and the buyer, answered only after it, cannot pay before.
    const marked = this.d.holds
      .markReserved(hold, reservationId, new Date(expiresAt.getTime() + 120_000))
      .catch((err) => this.d.log.warn({ err }, 'hold not marked reserved; the database guard still holds'));

    const row = {
      id: reservationId,
      status: 'PENDING_PAYMENT' as const,
      amount: claimed.amount,
      discount: claimed.discount,
      total: claimed.amount - claimed.discount,
      expires_at: expiresAt,
      payment_id: paymentId,
      booking_number: bookingNumber,
      pay_method: payMethod,
      easy_pay_provider: easyPayProvider,
      virtual_account: null as VirtualAccountInfo | null,
      orderName: orderName(showtime.title, hold.seatIds.length),
    };
    try {
      // Pre-registered first in every case: PortOne then refuses any other amount for this payment id.
      await (registration?.done ??
        this.d.gateway.preRegister(paymentId, row.total, this.returnUrl(reservationId)));
      if (payMethod === 'VIRTUAL_ACCOUNT') {
        // The account is issued now: the buyer deposits at the bank, the deposit webhook confirms.
        const account = await this.d.gateway.issueVirtualAccount(paymentId, {
          totalAmount: row.total,
          orderName: row.orderName,
          dueAt: expiresAt,
        });
        row.virtual_account = account;
      }
    } catch (err) {
      await marked;
      // Compensate: the reservation fails, its seats and coupon are released, and whatever the gateway may
      // have registered is voided (or left to the recovery job while the gateway is down).
      await this.saga.fail(reservationId, {
        reason: 'PAYMENT_GATEWAY_UNAVAILABLE',
        status: 'FAILED',
        voidPayment: true,
      });
      const code: ErrorCode = err instanceof AppError ? err.code : 'PAYMENT_GATEWAY_UNAVAILABLE';
      await this.store(userId, idempotencyKey, {
        status: 502,
        body: { code, detail: (err as Error).message },
      });
      throw err instanceof AppError ? err : new AppError('PAYMENT_GATEWAY_UNAVAILABLE');
    }
    lap('reserve_gateway');
    const body = this.view(row);
    // The step, the virtual account and the key's answer: one statement.
    await Promise.all([
      this.d.repo.registered(this.d.db, {
        reservationId,
        virtualAccount: row.virtual_account,
        userId,
        idempotencyKey,
        response: { status: 201, body },
      }),
      marked,
    ]);
    lap('reserve_answer');
    return body;
  }

  /**
   * How long the reservation waits for its payment: RESERVATION_TTL_SECONDS for methods paid at once; for
   * a virtual account PAYMENT_VIRTUAL_ACCOUNT_HOURS, but never later than an hour before the show (and
   * never shorter than the ordinary TTL).
   */
  private deadline(payMethod: PayMethod, startsAt: Date): Date {
    const now = this.d.clock.nowMs();
    const ttl = now + this.d.config.RESERVATION_TTL_SECONDS * 1000;
    if (payMethod !== 'VIRTUAL_ACCOUNT') return new Date(ttl);
    const due = Math.min(
      now + this.d.config.PAYMENT_VIRTUAL_ACCOUNT_HOURS * HOUR_MS,
      startsAt.getTime() - HOUR_MS,
    );
    return new Date(Math.max(ttl, due));
  }

  checkoutUrl(
    paymentId: string,
    reservationId: string,
    method: { payMethod?: PayMethod; easyPayProvider?: string | null } = {},
  ): string {
    const query = new URLSearchParams({ redirect: this.returnUrl(reservationId) });
    if (method.payMethod && method.payMethod !== 'CARD' && method.payMethod !== 'VIRTUAL_ACCOUNT') {
      query.set('payMethod', method.payMethod);
      if (method.easyPayProvider) query.set('easyPayProvider', method.easyPayProvider);
    }
    return `${this.d.config.PAYMENT_GATEWAY_URL}/checkout/${paymentId}?${query.toString()}`;
  }

  private returnUrl(reservationId: string): string {
    return `${this.d.config.PUBLIC_URL}/checkout/complete?reservationId=${reservationId}`;
  }

  private view(
    row: Pick<
      Reservation,
      | 'id'
      | 'status'
      | 'amount'
      | 'discount'
      | 'total'
      | 'expires_at'
      | 'payment_id'
      | 'booking_number'
      | 'pay_method'
      | 'easy_pay_provider'
      | 'virtual_account'
    > & { orderName?: string },
  ): CreatedReservation {
    const payMethod = row.pay_method;
    const easyPayProvider = (row.easy_pay_provider ?? undefined) as EasyPayProvider | undefined;
    const payment: CreatedReservation['payment'] = {
      id: row.payment_id,
      checkoutUrl: this.checkoutUrl(row.payment_id, row.id, {
        payMethod,
        easyPayProvider: row.easy_pay_provider,
      }),
      payMethod,
      ...(easyPayProvider ? { easyPayProvider } : {}),
    };
    if (payMethod === 'VIRTUAL_ACCOUNT') {
      if (row.virtual_account) payment.virtualAccount = row.virtual_account;
    } else {
      payment.request = browserPaymentRequest({
        storeId: this.d.config.PAYMENT_STORE_ID,
        channelKeys: channelKeys(this.d.config),
        paymentId: row.payment_id,
        orderName: row.orderName ?? `Culture Ticket ${row.booking_number}`,
        totalAmount: row.total,
        payMethod,
        easyPayProvider,
        redirectUrl: this.returnUrl(row.id),
      });
    }
    return {
      id: row.id,
      bookingNumber: row.booking_number,
      status: row.status,
      amount: row.amount,
      discount: row.discount,
      total: row.total,
      expiresAt: new Date(row.expires_at).toISOString(),
      payment,
    };
  }

  /** The order name the first answer carried: the show's title and the seat count. */
  private async orderNameOf(row: Reservation): Promise<string> {
    const [showtime, seats] = await Promise.all([
      this.d.inventory.showtime(this.d.db, row.showtime_id),
      this.d.seats.of(this.d.db, row.id),
    ]);
    return orderName(showtime?.title ?? '', seats.length);
  }

  /**
   * What a reservation checks before it writes: the user's live hold (Redis), the showtime's facts,
   * sales window and admission, and the held seats from the catalogue in one read, unsold and priced
   * (TICKET_TYPE_UNAVAILABLE for a type the performance does not sell).
   */
  /** The caller's hold, open (not reserved yet) and not expired. */
  private async liveHold(userId: string, holdId: string): Promise<HoldRecord> {
    const hold = await this.d.holds.find(holdId);
    if (!hold || hold.userId !== userId)
      throw new AppError('HOLD_EXPIRED', 'The hold does not exist or has expired');
    if (hold.reservationId || hold.expiresAt.getTime() <= this.d.clock.nowMs())
      throw new AppError('HOLD_EXPIRED');
    return hold;
  }

  /**
   * A payment id pre-registered now, before its reservation exists. A failure is met where the
   * registration is awaited (the written reservation then fails and is compensated, as when the
   * registration came after it); a registration never awaited (the reservation refused) is dropped.
   */
  private registerEarly(reservationId: string, amount: number): EarlyRegistration {
    const paymentId = randomUUID();
    const done = this.d.gateway.preRegister(paymentId, amount, this.returnUrl(reservationId));
    done.catch(() => undefined);
    return { paymentId, amount, done };
  }

  private async prepare(
    hold: HoldFacts,
    userId: string,
    chosenTypes: Readonly<Record<string, string>>,
    admissionToken: string | undefined,
    userCouponId: string | undefined,
  ) {
    const read = await this.d.inventory.forPurchase(this.d.db, hold.showtimeId, hold.seatIds, chosenTypes);
    const showtime = await this.holds.admitForPurchase(read?.showtime, userId, admissionToken);
    if (userCouponId && !this.d.discounts) {
      throw new AppError('COUPON_NOT_APPLICABLE', 'Coupons are not available');
    }
    const seats = read!.seats;
    const taken = seats.filter((s) => s.status === 'SOLD').map((s) => s.id);
    if (seats.length !== hold.seatIds.length || taken.length > 0) {
      throw new AppError('SEATS_UNAVAILABLE', undefined, { seatIds: taken });
    }
    // Priced by ticket type on the server; a coupon then applies to what the types add up to.
    return { showtime, seats, priced: read!.price() };
  }

  /** The stored answer for a key: the same response for the same body, 422 for another body. */
  private async replay(
    userId: string,
    key: string,
    requestHash: string,
  ): Promise<CreatedReservation | undefined> {
    const row = await this.d.idempotency.find(this.d.db, userId, key);
    return row ? this.answer(row, requestHash) : undefined;
  }

  /** The answer a claimed key gives: its stored response, or the reservation once the first died. */
  private async answer(row: IdempotencyRow, requestHash: string): Promise<CreatedReservation | undefined> {
    if (row.request_hash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (row.response_status === null) {
      // The first request may have died after its commit: after a grace period, answer from the reservation.
      const stale = this.d.clock.nowMs() - new Date(row.created_at).getTime() > 30_000;
      const reservation =
        stale && row.reservation_id ? await this.d.repo.byId(this.d.db, row.reservation_id) : undefined;
      if (reservation) return this.view({ ...reservation, orderName: await this.orderNameOf(reservation) });
      throw new AppError('IDEMPOTENCY_IN_PROGRESS');
    }
    const body = row.response_body as Record<string, unknown>;
    if (row.response_status >= 400) throw new AppError(body.code as ErrorCode, body.detail as string);
    return body as unknown as CreatedReservation;
  }

  private async store(userId: string, key: string, response: Stored): Promise<void> {
    await this.d.idempotency.store(this.d.db, userId, key, response);
  }
}

/** The hold as read from Redis is the one whose facts this instance kept (always, as holds never change). */
function sameHold(facts: HoldFacts, hold: HoldRecord): boolean {
  return (
    facts.showtimeId === hold.showtimeId &&
    facts.amount === hold.amount &&
    facts.seatIds.length === hold.seatIds.length &&
    facts.seatIds.every((id, i) => id === hold.seatIds[i])
  );
}

/** PortOne's orderName: what the buyer sees at the payment window and on the receipt. */
function orderName(title: string, seats: number): string {
  const name = `${title} ${seats}매`;
  return name.length > 100 ? `${name.slice(0, 99)}…` : name;
}

/** The codes `booking_reserve` raises (SQLSTATE P0001, message = code, detail = JSON details). */
const RESERVE_REFUSALS = new Set<string>(['TICKET_LIMIT_EXCEEDED', 'SEATS_UNAVAILABLE']);

/** Maps the database's refusals and guards to domain errors. */
async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const e = err as { code?: string; message?: string; detail?: string };
    if (e?.code === 'P0001' && e.message && RESERVE_REFUSALS.has(e.message)) {
      const details = e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : undefined;
      throw new AppError(e.message as ErrorCode, undefined, details);
    }
    // A concurrent reservation of a seat committed first: the partial unique index is the guard.
    if (isPgError(err, PG.UNIQUE_VIOLATION, 'reservation_seats_live'))
      throw new AppError('SEATS_UNAVAILABLE');
    if (isPgError(err, PG.UNIQUE_VIOLATION, 'reservations_hold_id_key')) throw new AppError('HOLD_EXPIRED');
    throw err;
  }
}
