import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors.ts';
import type { BookingDeps } from './booking.deps.ts';
import type { PurchaseShowtime } from './ports.ts';

export interface HoldView {
  id: string;
  showtimeId: string;
  seatIds: string[];
  amount: number;
  expiresAt: string;
}

/** Sales must be open now and the performance on sale. */
export function assertSalesOpen(showtime: PurchaseShowtime, now: Date): void {
  if (!showtime.onSale || now < showtime.salesOpenAt || now >= showtime.salesCloseAt) {
    throw new AppError('SALES_NOT_OPEN', undefined, {
      salesOpenAt: showtime.salesOpenAt.toISOString(),
      salesCloseAt: showtime.salesCloseAt.toISOString(),
    });
  }
}

export class HoldService {
  constructor(private readonly d: BookingDeps) {}

  async showtimeForPurchase(
    showtimeId: string,
    userId: string,
    admissionToken: string | undefined,
  ): Promise<PurchaseShowtime> {
    const showtime = await this.d.inventory.showtime(this.d.db, showtimeId);
    if (!showtime) throw new AppError('SHOWTIME_NOT_FOUND');
    assertSalesOpen(showtime, this.d.clock.now());
    if (showtime.queueEnabled) {
      await this.d.gate.assertAdmitted({ showtimeId: showtime.id, userId, token: admissionToken });
    }
    return showtime;
  }

  /**
   * All requested seats or none. The database answers "sold or reserved" (it survives a Redis loss);
   * the Lua script answers "held by someone" and the per-user limit atomically.
   *
   * Every Redis key and member is built from the ids PostgreSQL returned, never from the request's
   * text: PostgreSQL reads other spellings of a uuid (upper case, braces) as the same row, while
   * Redis would see a second inventory. Routes already admit only canonical ids; this keeps the
   * inventory single even if a caller did not.
   */
  async hold(input: {
    userId: string;
    showtimeId: string;
    seatIds: string[];
    admissionToken: string | undefined;
  }): Promise<HoldView> {
    const { userId } = input;
    const requested = [...new Set(input.seatIds)];
    const showtime = await this.showtimeForPurchase(input.showtimeId, userId, input.admissionToken);
    const showtimeId = showtime.id;
    if (requested.length > showtime.maxTicketsPerUser) {
      throw new AppError('TICKET_LIMIT_EXCEEDED', undefined, { limit: showtime.maxTicketsPerUser });
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
