import { randomUUID } from 'node:crypto';
import { AppError, problemOf, type ErrorCode, type Problem } from '../../errors.ts';
import type { BookingDeps } from './booking.deps.ts';
import type { PurchaseShowtime } from './ports.ts';

export interface HoldView {
  id: string;
  showtimeId: string;
  seatIds: string[];
  amount: number;
  expiresAt: string;
}

/** The performance is on sale and `now` lies in the showtime's sales window. */
function salesOpen(showtime: PurchaseShowtime, now: Date): boolean {
  return showtime.onSale && now >= showtime.salesOpenAt && now < showtime.salesCloseAt;
}

/** Sales must be open now and the performance on sale. */
export function assertSalesOpen(showtime: PurchaseShowtime, now: Date): void {
  if (!salesOpen(showtime, now)) {
    throw new AppError('SALES_NOT_OPEN', undefined, {
      salesOpenAt: showtime.salesOpenAt.toISOString(),
      salesCloseAt: showtime.salesCloseAt.toISOString(),
    });
  }
}

export class HoldService {
  constructor(private readonly d: BookingDeps) {}

  /**
   * For a reservation: the showtime's facts as the caller just read them from the database (so a
   * window an admin closed on any instance applies at once), then the same checks as a hold.
   */
  admitForPurchase(
    showtime: PurchaseShowtime | undefined,
    userId: string,
    admissionToken: string | undefined,
  ): Promise<PurchaseShowtime> {
    return this.admit(showtime, userId, admissionToken);
  }

  /**
   * Sales open by the clock (checked on every request, whatever the facts' age) and, for a queued
   * showtime, the admission: the gate checks the token's signature before it asks Redis whether the
   * session is live, so a missing or forged token costs no store call.
   */
  private async admit(
    showtime: PurchaseShowtime | undefined,
    userId: string,
    admissionToken: string | undefined,
  ): Promise<PurchaseShowtime> {
    if (!showtime) throw new AppError('SHOWTIME_NOT_FOUND');
    assertSalesOpen(showtime, this.d.clock.now());
    if (showtime.queueEnabled) {
      await this.d.gate.assertAdmitted({ showtimeId: showtime.id, userId, token: admissionToken });
    }
    return showtime;
  }

  /**
   * A hold refused before its body is read: on a queued showtime on sale now, an attempt that brings
   * no admission token gets the answer hold() would give after parsing and validating the body
   * (ADMISSION_REQUIRED), from this instance's cached facts alone. During an onsale these are most of
   * the attempts a queued showtime refuses. Undefined when the facts are not at hand or a token was
   * sent: hold() decides, as for every other request.
   */
  refusalBeforeBody(showtimeId: string, admissionToken: string | undefined): ErrorCode | undefined {
    if (admissionToken) return undefined;
    const facts = this.d.inventory.purchaseFactsNow(showtimeId);
    if (!facts?.queueEnabled || !salesOpen(facts, this.d.clock.now())) return undefined;
    return 'ADMISSION_REQUIRED';
  }

  /**
   * A hold refused from this instance's memory, before the hold limit counts it: on a showtime
   * without a waiting room, on sale now, whose facts are cached, an attempt whose every seat Redis
   * answered taken within the last second (HoldRepository.takenSeatIds) gets the 409 hold() would
   * give, with no store call. During an onsale most attempts are such losers, and like the 403 before
   * admission they ask no store: the limit, which guards the stores, has nothing to protect there.
   * Undefined leaves the attempt to the limit and hold(): facts not at hand, a queued showtime (its
   * admission is checked against Redis first), sales closed, too many seats, or a seat not remembered.
   */
  refusalFromMemory(showtimeId: string, seatIds: readonly string[]): Problem | undefined {
    const facts = this.factsForMemory(showtimeId);
    if (facts === undefined) return undefined;
    const requested = [...new Set(seatIds)];
    if (requested.length > facts.maxTicketsPerUser) return undefined;
    if (!this.d.holds.rememberedTaken(facts.id, requested)) return undefined;
    this.d.metrics.holds.inc({ result: 'taken' });
    return problemOf('SEATS_UNAVAILABLE', undefined, { seatIds: requested });
  }

  /** refusalFromMemory() may refuse attempts on this showtime now: its facts allow it, and seats are remembered. */
  remembersTakenSeats(showtimeId: string): boolean {
    const facts = this.factsForMemory(showtimeId);
    return facts !== undefined && this.d.holds.remembersAny(facts.id);
  }

  private factsForMemory(showtimeId: string): PurchaseShowtime | undefined {
    const facts = this.d.inventory.purchaseFactsNow(showtimeId);
    if (facts === undefined || facts.queueEnabled || !salesOpen(facts, this.d.clock.now())) return undefined;
    return facts;
  }

  /**
   * All requested seats or none. The checks run cheapest first, so that the attempts an onsale
   * refuses by the thousand cost little: the showtime's facts from a one-second in-process cache
   * (`InventoryPort.purchaseFacts`), the sales window and the admission (no store for a missing or
   * forged token), then Redis: a seat it holds, reserves or marks sold is refused without reading
   * PostgreSQL. Only seats Redis calls free go on to the database, which answers "sold or reserved"
   * (it survives a Redis loss), and to the Lua script, which answers "held by someone" and the
   * per-user limit atomically.
   *
   * Redis keys are built from the showtime id PostgreSQL returned (the cached facts). Seat ids reach
   * Redis before the database here on purpose: the route admits only their canonical spelling (the
   * schema's Uuid), so a seat has one member in the held hash; an id that is not a seat of the
   * showtime is never a member (the hold script writes only ids the database returned), so Redis calls
   * it free and the database refuses it below.
   */
  async hold(input: {
    userId: string;
    showtimeId: string;
    seatIds: string[];
    admissionToken: string | undefined;
  }): Promise<HoldView> {
    const { userId } = input;
    const requested = [...new Set(input.seatIds)];
    const facts = await this.d.inventory.purchaseFacts(input.showtimeId);
    const showtime = await this.admit(facts, userId, input.admissionToken);
    const showtimeId = showtime.id;
    if (requested.length > showtime.maxTicketsPerUser) {
      throw new AppError('TICKET_LIMIT_EXCEEDED', undefined, { limit: showtime.maxTicketsPerUser });
    }
    // The hold script's own rule (a live entry: held or reserved until its expiry, or sold), so this
    // refuses only what the script would refuse at this moment; an expired entry counts as free.
    const takenInRedis = await this.d.holds.takenSeatIds(showtimeId, requested);
    if (takenInRedis.length > 0) {
      this.d.metrics.holds.inc({ result: 'taken' });
      throw new AppError('SEATS_UNAVAILABLE', undefined, { seatIds: takenInRedis });
    }
    const { seats, alreadyBought } = await this.d.seats.forHold(this.d.db, showtimeId, requested, userId);
    const found = new Set(seats.map((s) => s.id));
    const unavailable = [
      ...requested.filter((id) => !found.has(id)),
      ...seats.filter((s) => s.taken).map((s) => s.id),
    ];
    if (unavailable.length > 0) throw new AppError('SEATS_UNAVAILABLE', undefined, { seatIds: unavailable });
    // Each requested id equals, as a string, an id the database returned (any other spelling was
    // refused just above), so the request's order is kept and the keys are the database's ids.
    const seatIds = requested;

    const amount = seats.reduce((sum, s) => sum + s.price, 0);
    const holdId = randomUUID();
    const result = await this.d.holds.hold({
      showtimeId,
      holdId,
      userId,
      seatIds,
      amount,
      ttlMs: this.d.config.HOLD_TTL_SECONDS * 1000,
      limit: showtime.maxTicketsPerUser,
      alreadyBought,
    });
    this.d.metrics.holds.inc({ result: result.ok ? 'held' : result.reason.toLowerCase() });
    if (!result.ok && result.reason === 'TAKEN') {
      throw new AppError('SEATS_UNAVAILABLE', undefined, { seatIds: result.seatIds });
    }
    if (!result.ok) {
      throw new AppError('TICKET_LIMIT_EXCEEDED', undefined, {
        limit: showtime.maxTicketsPerUser,
        alreadyCounted: result.alreadyCounted,
      });
    }
    return { id: holdId, showtimeId, seatIds, amount, expiresAt: result.expiresAt.toISOString() };
  }

  async release(holdId: string, userId: string): Promise<void> {
    if (!(await this.d.holds.release(holdId, userId))) throw new AppError('HOLD_NOT_FOUND');
  }
}
