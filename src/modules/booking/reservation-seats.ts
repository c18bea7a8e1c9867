import type { DbOrTx } from '../../infra/db.ts';
import type { BookingRepository, SeatInfo } from './booking.repository.ts';
import type { InventoryPort } from './ports.ts';

/**
 * Seats as checkout sees them: the catalogue's inventory (place, grade, list price, SOLD) joined in
 * code with booking's own reservation seats, on one connection (the caller's transaction or a read
 * database), so neither module reads the other's tables.
 */
export class ReservationSeats {
  constructor(
    private readonly repo: BookingRepository,
    private readonly inventory: InventoryPort,
  ) {}

  /**
   * For a hold: the requested seats, `taken` when sold or in a live reservation, and the seats the user already has
   * in live reservations of the showtime, in two queries run side by side (one per owner).
   */
  async forHold(
    db: DbOrTx,
    showtimeId: string,
    seatIds: string[],
    userId: string,
  ): Promise<{ seats: (SeatInfo & { taken: boolean })[]; alreadyBought: number }> {
    const [seats, live] = await Promise.all([
      this.inventory.seatsForSale(db, showtimeId, seatIds),
      this.repo.liveSeatsAndUserCount(db, showtimeId, seatIds, userId),
    ]);
    return {
      seats: seats.map((s) => ({ ...s, taken: s.status === 'SOLD' || live.taken.has(s.id) })),
      alreadyBought: live.userCount,
    };
  }

  /** A reservation's seats in seat-map order, at the price and as the ticket type it sold them. */
  async of(db: DbOrTx, reservationId: string): Promise<SeatInfo[]> {
    const reserved = await this.repo.reservedSeats(db, reservationId);
    if (reserved.length === 0) return [];
    const sale = new Map(reserved.map((r) => [r.seatId, r]));
    const seats = await this.inventory.seats(
      db,
      reserved.map((r) => r.seatId),
    );
    return seats.map((s) => {
      const sold = sale.get(s.id);
      return sold ? { ...s, price: sold.price, ticketType: sold.ticketType } : s;
    });
  }
}
