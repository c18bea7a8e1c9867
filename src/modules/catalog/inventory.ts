import type { Db, DbOrTx, Tx } from '../../infra/db.ts';
import type {
  InventoryPort,
  InventorySeat,
  PurchaseRead,
  PurchaseShowtime,
  TypedSeatPrice,
} from '../booking/ports.ts';
import type { QueueSettingsPort, ShowtimeQueueFacts } from '../waiting-room/ports.ts';
import { InventoryRepository } from './inventory.repository.ts';
import type { PurchaseFacts } from './purchase-facts.ts';
import { priceSeats, withAdult } from './ticket-types.ts';

/**
 * The catalogue as the one owner of seat and showtime inventory. Checkout reads showtime facts and
 * seats and flips seats SOLD/AVAILABLE inside its own transaction (`InventoryPort`); the waiting room
 * reads queue settings (`QueueSettingsPort`). Neither touches the catalogue's tables.
 */
export class CatalogInventory implements InventoryPort, QueueSettingsPort {
  constructor(
    /** For reads that come without a connection (queue settings): the primary. */
    private readonly db: Db,
    /** Showtime facts for hold attempts, cached for a moment and forgotten on admin writes. */
    private readonly facts: PurchaseFacts,
    private readonly repo = new InventoryRepository(),
  ) {}

  showtime(db: DbOrTx, showtimeId: string): Promise<PurchaseShowtime | undefined> {
    return this.repo.showtime(db, showtimeId);
  }

  purchaseFacts(showtimeId: string): Promise<PurchaseShowtime | undefined> {
    return this.facts.get(showtimeId);
  }

  purchaseFactsNow(showtimeId: string): PurchaseShowtime | undefined {
    return this.facts.peek(showtimeId);
  }

  seatsForSale(db: DbOrTx, showtimeId: string, seatIds: string[]): Promise<InventorySeat[]> {
    return this.repo.seatsOfShowtime(db, showtimeId, seatIds);
  }

  async priceSeats(
    db: DbOrTx,
    performanceId: string,
    seats: { id: string; price: number }[],
    chosen: Readonly<Record<string, string>> = {},
  ): Promise<TypedSeatPrice[]> {
    // Without a choice every seat is ADULT: the list price, no read needed.
    const stored = Object.keys(chosen).length > 0 ? await this.repo.ticketTypes(db, performanceId) : [];
    return priceSeats(withAdult(stored), seats, chosen);
  }

  async forPurchase(
    db: DbOrTx,
    showtimeId: string,
    seatIds: string[],
    chosen: Readonly<Record<string, string>> = {},
  ): Promise<PurchaseRead | undefined> {
    // Ticket types are read only when the buyer chose some (without a choice every seat is ADULT).
    const withTypes = Object.keys(chosen).length > 0;
    const row = await this.repo.purchase(db, showtimeId, seatIds, withTypes);
    if (!row) return undefined;
    const { seats, ticketTypes, ...showtime } = row;
    return {
      showtime: {
        ...showtime,
        startsAt: new Date(showtime.startsAt),
        salesOpenAt: new Date(showtime.salesOpenAt),
        salesCloseAt: new Date(showtime.salesCloseAt),
      },
      seats,
      price: () => priceSeats(withAdult(ticketTypes ?? []), seats, chosen),
    };
  }

  seats(db: DbOrTx, seatIds: string[]): Promise<InventorySeat[]> {
    return this.repo.seats(db, seatIds);
  }

  sell(tx: Tx, seatIds: string[]): Promise<InventorySeat[]> {
    return this.repo.sell(tx, seatIds);
  }

  release(tx: Tx, seatIds: string[]): Promise<number> {
    return this.repo.setStatus(tx, seatIds, 'SOLD', 'AVAILABLE');
  }

  queueSettings(showtimeIds: string[]): Promise<ShowtimeQueueFacts[]> {
    return this.repo.queueSettings(this.db, showtimeIds);
  }
}
