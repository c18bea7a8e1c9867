import type { Db } from '../../infra/db.ts';
import type { ConfirmedHolding, ShowtimeHolders } from '../onsale-alerts/ports.ts';
import type { BookingRepository } from './booking.repository.ts';
import type { InventoryPort } from './ports.ts';

/**
 * The onsale-alerts `ShowtimeHolders` port: who holds CONFIRMED reservations of a showtime and which
 * seats, named through the catalogue's inventory (booking never reads the seats table).
 */
export class ShowtimeHoldersReader implements ShowtimeHolders {
  constructor(
    private readonly db: Db,
    private readonly repo: BookingRepository,
    private readonly inventory: InventoryPort,
  ) {}

  async confirmedOf(showtimeId: string): Promise<ConfirmedHolding[]> {
    const rows = await this.repo.confirmedOfShowtime(this.db, showtimeId);
    const seatIds = rows.flatMap((r) => r.seatIds);
    const seats = seatIds.length ? await this.inventory.seats(this.db, seatIds) : [];
    const label = new Map(seats.map((s) => [s.id, `${s.section}구역 ${s.row}열 ${s.number}번`]));
    return rows.map((r) => ({
      reservationId: r.reservationId,
      userId: r.userId,
      seats: r.seatIds.flatMap((id) => label.get(id) ?? []).sort(),
      proofRequired: r.proofRequired,
    }));
  }
}
