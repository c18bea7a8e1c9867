import { Readable } from 'node:stream';
import { AppError } from '../../errors.ts';
import { UUID_RE } from '../../http/schemas.ts';
import type { DbOrTx } from '../../infra/db.ts';
import type { AdminOrdersRepository, OrderCursor, OrderFilter } from './admin-orders.repository.ts';
import type { BookingDeps } from './booking.deps.ts';
import type { Reservation, ReservationStatus } from './booking.tables.ts';
import type { CancelService } from './cancel.service.ts';
import { BOOKING_NUMBER_PATTERN } from './booking-number.ts';
import { CSV_BOM, csvLine } from './csv.ts';
import type { Buyer, BuyerDirectory, PurchaseShowtime } from './ports.ts';
import type { TicketsOf } from './reservation-queries.ts';

export interface OrderQuery {
  q?: string;
  status?: ReservationStatus;
  showtimeId?: string;
  from?: string;
  to?: string;
}

/** Rows per export batch: one keyset query and one buyers lookup each. */
const EXPORT_BATCH = 1000;
/** Accounts a text search may match (a search naming more is refined, not listed). */
const BUYER_MATCH_LIMIT = 500;
const BOOKING_NUMBER = new RegExp(BOOKING_NUMBER_PATTERN);

/**
 * The orders desk: search, one order with everything that happened to it, the admin cancellation
 * (CancelService.adminCancel) and the CSV export, streamed in keyset batches.
 */
export class AdminOrders {
  constructor(
    private readonly d: BookingDeps,
    private readonly repo: AdminOrdersRepository,
    private readonly buyers: BuyerDirectory,
    private readonly cancels: CancelService,
    private readonly ticketsOf: TicketsOf,
  ) {}

  /** What `q` can name: a reservation id, a booking number, a phone, or an account (email, nickname, phone). */
  private async filterOf(query: OrderQuery): Promise<OrderFilter> {
    const filter: OrderFilter = {
      ...(query.status ? { status: query.status } : {}),
      ...(query.showtimeId ? { showtimeId: query.showtimeId } : {}),
      ...(query.from ? { from: new Date(query.from) } : {}),
      ...(query.to ? { to: new Date(query.to) } : {}),
    };
    const q = query.q?.trim();
    if (!q) return filter;
    const lower = q.toLowerCase();
    const upper = q.toUpperCase();
    const digits = q.replace(/[^0-9]/g, '').replace(/^820?/, '0');
    const looksLikePhone = /^[0-9+\-\s()]+$/.test(q) && digits.length >= 9;
    filter.match = {
      ...(UUID_RE.test(lower) ? { reservationId: lower } : {}),
      ...(BOOKING_NUMBER.test(upper) ? { bookingNumber: upper } : {}),
      ...(looksLikePhone ? { phoneDigits: digits } : {}),
      userIds: await this.buyers.matching(q, BUYER_MATCH_LIMIT),
    };
    return filter;
  }

  async search(query: OrderQuery, page: number, size: number) {
    const filter = await this.filterOf(query);
    const { items, total } = await this.repo.page(this.d.db, filter, page, size);
    const [buyers, shows] = await Promise.all([
      this.buyers.profiles([...new Set(items.map((r) => r.user_id))]),
      this.showtimes(this.d.db, items),
    ]);
    return { items: items.map((r) => summary(r, buyers, shows)), page, size, total };
  }

  async detail(id: string) {
    const { db } = this.d;
    const row = await this.d.repo.byId(db, id);
    if (!row) throw new AppError('RESERVATION_NOT_FOUND');
    const [buyers, shows, seats, tickets, refunds, timeline] = await Promise.all([
      this.buyers.profiles([row.user_id]),
      this.showtimes(db, [row]),
      this.d.seats.of(db, id),
      this.ticketsOf(id),
      this.d.refunds.of(db, id),
      this.d.refunds.timeline(db, id),
    ]);
    return {
      ...summary(row, buyers, shows),
      amount: row.amount,
      discount: row.discount,
      couponUsed: row.user_coupon_id !== null,
      paymentId: row.payment_id,
      refundable:
        row.status === 'CONFIRMED' || row.status === 'CANCELLED' ? row.total - row.refunded_amount : 0,
      cancelInProgress: row.step === 'CANCEL_REQUESTED',
      confirmedAt: row.confirmed_at?.toISOString() ?? null,
      closedAt: row.closed_at?.toISOString() ?? null,
      seats: seats.map((s) => ({
        id: s.id,
        section: s.section,
        row: s.row,
        number: s.number,
        grade: s.grade,
        price: s.price,
        ticketType: s.ticketType?.name ?? null,
      })),
      tickets: tickets.map((t) => ({
        id: String(t.id),
        status: String(t.status),
        seat: t.seat as { section: string; row: string; number: number },
        issuedAt: String(t.issuedAt),
        usedAt: (t.usedAt as string | null) ?? null,
      })),
      refunds: refunds.map((f) => ({
        id: f.id,
        amount: f.amount,
        kind: f.kind,
        reason: f.reason,
        actorId: f.actor_id,
        status: f.status,
        createdAt: f.created_at.toISOString(),
        completedAt: f.completed_at?.toISOString() ?? null,
      })),
      timeline: timeline.map((e) => ({
        kind: e.kind,
        status: e.status,
        step: e.step,
        paymentStatus: e.payment_status,
        detail: (e.detail ?? null) as Record<string, unknown> | null,
        at: e.at.toISOString(),
      })),
    };
  }

  async cancel(
    id: string,
    input: { actorId: string; reason: string; refundAmount?: number; requestId?: string },
  ) {
    await this.cancels.adminCancel(id, input);
    return this.detail(id);
  }

  /**
   * The orders that match, as CSV, newest first: batches of EXPORT_BATCH rows by keyset, each
   * written before the next is read, so memory holds one batch whatever the table's size. The
   * export is itself an admin action (personal data leaves the system): recorded first.
   */
  async exportCsv(query: OrderQuery, actor: { actorId: string; requestId?: string }): Promise<Readable> {
    const filter = await this.filterOf(query);
    await this.d.audit?.record(this.d.db, {
      actorId: actor.actorId,
      action: 'orders.export',
      after: { query },
      ...(actor.requestId ? { requestId: actor.requestId } : {}),
    });
    const { db } = this.d;
    const shows = new Map<string, PurchaseShowtime | undefined>();
    const rows = async function* (this: AdminOrders): AsyncGenerator<string> {
      yield (
        CSV_BOM +
        csvLine([
          '예매번호',
          '예약 ID',
          '상태',
          '결제 상태',
          '구매자 이메일',
          '닉네임',
          '예매자',
          '예매자 연락처',
          '공연',
          '공연 일시',
          '매수',
          '금액',
          '할인',
          '결제 금액',
          '환불 금액',
          '예매 일시',
        ])
      );
      let cursor: OrderCursor | undefined;
      for (;;) {
        const batch = await this.repo.batch(db, filter, cursor, EXPORT_BATCH);
        if (batch.length === 0) return;
        const missing = [...new Set(batch.map((r) => r.showtime_id))].filter((s) => !shows.has(s));
        for (const s of missing) shows.set(s, await this.d.inventory.showtime(db, s));
        const buyers = await this.buyers.profiles([...new Set(batch.map((r) => r.user_id))]);
        let text = '';
        for (const r of batch) {
          const buyer = buyers.get(r.user_id);
          const show = shows.get(r.showtime_id);
          text += csvLine([
            r.booking_number,
            r.id,
            r.status,
            r.payment_status,
            buyer?.email,
            buyer?.nickname,
            r.booker_name,
            r.booker_phone,
            show?.title,
            show ? kst(show.startsAt) : null,
            Number(r.seat_count),
            r.amount,
            r.discount,
            r.total,
            r.refunded_amount,
            kst(r.created_at),
          ]);
        }
        yield text;
        const last = batch[batch.length - 1]!;
        cursor = { createdAt: last.cursor_at, id: last.id };
        if (batch.length < EXPORT_BATCH) return;
      }
    };
    return Readable.from(rows.call(this), { objectMode: false });
  }

  private async showtimes(db: DbOrTx, rows: Reservation[]): Promise<Map<string, PurchaseShowtime>> {
    const ids = [...new Set(rows.map((r) => r.showtime_id))];
    const found = await Promise.all(ids.map((id) => this.d.inventory.showtime(db, id)));
    return new Map(found.filter((s): s is PurchaseShowtime => s !== undefined).map((s) => [s.id, s]));
  }
}

/** Korean time, as a person in the box office reads it: 2026-12-01 13:05. */
function kst(d: Date): string {
  return new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function summary(r: Reservation, buyers: Map<string, Buyer>, shows: Map<string, PurchaseShowtime>) {
  const buyer = buyers.get(r.user_id);
  const show = shows.get(r.showtime_id);
  return {
    id: r.id,
    bookingNumber: r.booking_number,
    status: r.status,
    paymentStatus: r.payment_status,
    buyer: buyer ?? null,
    booker: r.booker_name || r.booker_phone ? { name: r.booker_name, phone: r.booker_phone } : null,
    showtime: {
      id: r.showtime_id,
      performanceId: r.performance_id,
      title: show?.title ?? null,
      startsAt: show ? show.startsAt.toISOString() : null,
    },
    total: r.total,
    refunded: r.refunded_amount,
    createdAt: r.created_at.toISOString(),
  };
}
