import type { Db, Tx } from '../../infra/db.ts';
import type { BookingRepository } from './booking.repository.ts';
import type { InventoryPort } from './ports.ts';

/**
 * What withdrawal asks of checkout. Orders being paid for, or paid for a show still ahead, block it:
 * the ticket of a paid order is issued by the worker a moment after payment, so "no upcoming tickets"
 * alone would let an account go in that moment and its ticket with it. Booker details are erased on
 * the caller's transaction; the reservations stay (contract records, kept by law).
 */
export class AccountRecords {
  constructor(
    private readonly db: Db,
    private readonly repo: BookingRepository,
    private readonly inventory: InventoryPort,
  ) {}

  async countOpenOrders(userId: string, now: Date): Promise<number> {
    let open = 0;
    for (const showtimeId of await this.repo.openOrderShowtimes(this.db, userId)) {
      const showtime = await this.inventory.showtime(this.db, showtimeId);
      // A removed showtime's orders are cancelled by the box office: they do not hold the account.
      if (showtime && showtime.startsAt.getTime() > now.getTime()) open += 1;
    }
    return open;
  }

  /**
   * The account a reservation was made by, with its booking number and status (notifications and
   * reviews ask this).
   */
  async ownerOf(
    reservationId: string,
  ): Promise<
    { userId: string; bookingNumber: string | null; showtimeId: string; status: string } | undefined
  > {
    const row = await this.repo.byId(this.db, reservationId);
    return row
      ? {
          userId: row.user_id,
          bookingNumber: row.booking_number ?? null,
          showtimeId: row.showtime_id,
          status: row.status,
        }
      : undefined;
  }

  eraseBookers(tx: Tx, userId: string): Promise<number> {
    return this.repo.eraseBookers(tx, userId);
  }
}
