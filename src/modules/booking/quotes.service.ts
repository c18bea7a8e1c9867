import { AppError } from '../../errors.ts';
import type { Db } from '../../infra/db.ts';
import type { Clock } from '../../infra/clock.ts';
import type { HoldRepository } from './hold.repository.ts';
import type { DiscountPort, InventoryPort } from './ports.ts';
import type { CouponQuote } from './quotes.schemas.ts';

export interface QuoteDeps {
  db: Db;
  holds: HoldRepository;
  discounts: DiscountPort | undefined;
  inventory: InventoryPort;
  clock: Clock;
}

/** `seatId:CODE,seatId:CODE` (the query form of POST /reservations `ticketTypes`) as a map. */
export function parseTicketTypes(query: string | undefined): Record<string, string> {
  if (!query) return {};
  return Object.fromEntries(query.split(',').map((pair) => pair.split(':') as [string, string]));
}

/**
 * Prices a held order with each of the caller's coupons, by the coupons module's own rule
 * (DiscountPort.quote), so the checkout page shows what POST /reservations will charge instead of
 * repeating the rule. The order amount is the hold's seats priced as the ticket types the buyer picked
 * (the catalogue's rule, through InventoryPort.priceSeats), as the reservation prices them.
 */
export class CouponQuotes {
  constructor(private readonly d: QuoteDeps) {}

  async forHold(
    holdId: string,
    userId: string,
    ticketTypes: Record<string, string> = {},
  ): Promise<CouponQuote[]> {
    const hold = await this.d.holds.find(holdId);
    // Another user's hold is answered as one that does not exist (as DELETE /holds/:id does).
    if (!hold || hold.userId !== userId) throw new AppError('HOLD_NOT_FOUND');
    // Reserved already, or past its time: it can no longer become a reservation.
    const now = this.d.clock.now();
    if (hold.reservationId || hold.expiresAt.getTime() <= now.getTime()) throw new AppError('HOLD_EXPIRED');
    if (!this.d.discounts) return [];
    const amount =
      Object.keys(ticketTypes).length === 0 ? hold.amount : await this.typedAmount(hold, ticketTypes);
    const quotes = await this.d.discounts.quote(this.d.db, { userId, orderAmount: amount, at: now });
    return quotes.map((q) => {
      // The same clamp as ReservationService.create applies to the port's answer.
      const discount = Math.max(0, Math.min(q.discount, amount));
      return { ...q, discount, total: amount - discount };
    });
  }

  private async typedAmount(
    hold: { showtimeId: string; seatIds: string[] },
    ticketTypes: Record<string, string>,
  ): Promise<number> {
    const [showtime, seats] = await Promise.all([
      this.d.inventory.showtime(this.d.db, hold.showtimeId),
      this.d.inventory.seatsForSale(this.d.db, hold.showtimeId, hold.seatIds),
    ]);
    if (!showtime) throw new AppError('HOLD_EXPIRED');
    const priced = await this.d.inventory.priceSeats(this.d.db, showtime.performanceId, seats, ticketTypes);
    return priced.reduce((sum, p) => sum + p.price, 0);
  }
}
