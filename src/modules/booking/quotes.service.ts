import { AppError } from '../../errors.ts';
import type { Db } from '../../infra/db.ts';
import type { Clock } from '../../infra/clock.ts';
import type { HoldRepository } from './hold.repository.ts';
import type { DiscountPort } from './ports.ts';
import type { CouponQuote } from './quotes.schemas.ts';

export interface QuoteDeps {
  db: Db;
  holds: HoldRepository;
  discounts: DiscountPort | undefined;
  clock: Clock;
}

/**
 * Prices a held order with each of the caller's coupons, by the coupons module's own rule
 * (DiscountPort.quote), so the checkout page shows what POST /reservations will charge instead of
 * repeating the rule. The order amount is the hold's: the seats' prices, as the reservation sums them.
 */
export class CouponQuotes {
  constructor(private readonly d: QuoteDeps) {}

  async forHold(holdId: string, userId: string): Promise<CouponQuote[]> {
    const hold = await this.d.holds.find(holdId);
    // Another user's hold is answered as one that does not exist (as DELETE /holds/:id does).
    if (!hold || hold.userId !== userId) throw new AppError('HOLD_NOT_FOUND');
    // Reserved already, or past its time: it can no longer become a reservation.
    const now = this.d.clock.now();
    if (hold.reservationId || hold.expiresAt.getTime() <= now.getTime()) throw new AppError('HOLD_EXPIRED');
    if (!this.d.discounts) return [];
    const amount = hold.amount;
    const quotes = await this.d.discounts.quote(this.d.db, { userId, orderAmount: amount, at: now });
    return quotes.map((q) => {
      // The same clamp as ReservationService.create applies to the port's answer.
      const discount = Math.max(0, Math.min(q.discount, amount));
      return { ...q, discount, total: amount - discount };
    });
  }
}
