import { AppError } from '../../errors.ts';
import type { Db } from '../../infra/db.ts';
import type { BookingDeps } from './booking.deps.ts';
import type { Reservation } from './booking.tables.ts';

export type TicketsOf = (reservationId: string) => Promise<Record<string, unknown>[]>;

/**
 * My reservations: list and detail, the owner's only (another user's is a 404, never a 403). Lag
 * tolerant, so they read the replica, except right after this user wrote (reserve, complete, cancel):
 * then `readDbFor` answers the primary and the user sees what they just did.
 */
export class ReservationQueries {
  constructor(
    private readonly d: BookingDeps,
    private readonly ticketsOf: TicketsOf,
  ) {}

  async get(id: string, userId: string) {
    const db = await this.d.readRouting.readDbFor(userId);
    const row = await this.d.repo.byId(db, id);
    if (!row || row.user_id !== userId) throw new AppError('RESERVATION_NOT_FOUND');
    return this.detail(db, row);
  }

  async list(userId: string, page: number, size: number) {
    const db = await this.d.readRouting.readDbFor(userId);
    const { items, total } = await this.d.repo.listForUser(db, userId, page, size);
    return { items: await Promise.all(items.map((r) => this.detail(db, r))), page, size, total };
  }

  private async detail(db: Db, row: Reservation) {
    const [showtime, seats, tickets] = await Promise.all([
      this.d.inventory.showtime(db, row.showtime_id),
      this.d.seats.of(db, row.id),
      row.status === 'CONFIRMED' || row.status === 'CANCELLED' ? this.ticketsOf(row.id) : Promise.resolve([]),
    ]);
    return {
      id: row.id,
      status: row.status,
      showtime: {
        id: row.showtime_id,
        performanceId: row.performance_id,
        title: showtime?.title ?? '',
        startsAt: showtime ? showtime.startsAt.toISOString() : '',
        venue: showtime ? { name: showtime.venueName, address: showtime.venueAddress } : null,
      },
      seats: seats.map(({ id, section, row: r, number, grade, price, ticketType }) => ({
        id,
        section,
        row: r,
        number,
        grade,
        price,
        ticketType: ticketType ?? { code: 'ADULT', name: '일반', proofRequired: false },
      })),
      bookingNumber: row.booking_number,
      booker: row.booker_name && row.booker_phone ? { name: row.booker_name, phone: row.booker_phone } : null,
      amount: row.amount,
      discount: row.discount,
      total: row.total,
      refundAmount: row.refund_amount,
      failureCode: row.failure_code,
      expiresAt: new Date(row.expires_at).toISOString(),
      createdAt: new Date(row.created_at).toISOString(),
      payment: {
        id: row.payment_id,
        status: row.payment_status,
        payMethod: row.pay_method,
        ...(row.easy_pay_provider ? { easyPayProvider: row.easy_pay_provider as 'KAKAOPAY' } : {}),
        ...(row.virtual_account ? { virtualAccount: row.virtual_account } : {}),
      },
      tickets,
    };
  }
}
