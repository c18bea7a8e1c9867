import type { Logger } from '../../infra/logger.ts';
import type { ParsedEvent } from '../events/event-schemas.ts';
import type { NewNotification, Notifier } from './notifier.ts';
import type { NotificationReservations, NotificationShowtimes, NotifiedShowtime } from './ports.ts';

const showTime = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const won = (n: number): string => `${n.toLocaleString('ko-KR')}원`;

/** "VIP석 1층 A열 12번" */
export const seatLabel = (s: { grade: string; section: string; row: string; number: number }): string =>
  `${s.grade}석 ${s.section} ${s.row}열 ${s.number}번`;

/** "〈공연〉 12월 24일 (수) 19:30", or what is known of it. */
const showLine = (show: NotifiedShowtime | undefined): string =>
  show ? `〈${show.title}〉 ${showTime.format(show.startsAt)}` : '';

/** Where a reservation's tickets and details are in the web app. */
export const reservationLink = (reservationId: string): string =>
  `/me/reservations?reservation=${reservationId}`;

/**
 * Turns checkout and ticket events into the buyer's notifications. Each is keyed on the reservation
 * (`BOOKING_CONFIRMED:<reservationId>` …), so a redelivered event, or the same event handled by two
 * workers at once, creates one notification and one mail.
 */
export class BookingNotices {
  constructor(
    private readonly d: {
      notifier: Pick<Notifier, 'deliver'>;
      showtimes: NotificationShowtimes;
      reservations: NotificationReservations;
      publicUrl: string;
      log: Logger;
    },
  ) {}

  async confirmed(event: ParsedEvent<'reservation.confirmed'>): Promise<number> {
    const e = event.data;
    const show = (await this.d.showtimes.labels([e.showtimeId])).get(e.showtimeId);
    const seats = e.seats.map(seatLabel);
    const bookingNumber =
      e.bookingNumber ?? (await this.d.reservations.ownerOf(e.reservationId))?.bookingNumber;
    const title = '예매가 완료되었어요';
    const body = [showLine(show), `${seats.length}석 · ${won(e.total)}`].filter(Boolean).join(' · ');
    const item: NewNotification = {
      userId: e.userId,
      type: 'BOOKING_CONFIRMED',
      dedupeKey: `BOOKING_CONFIRMED:${e.reservationId}`,
      title,
      body,
      link: reservationLink(e.reservationId),
      mail: {
        template: 'booking-confirmed',
        data: {
          bookingNumber: bookingNumber ?? e.reservationId.slice(0, 8).toUpperCase(),
          performanceTitle: show?.title ?? '예매한 공연',
          startsAt: (show?.startsAt ?? new Date(e.confirmedAt)).toISOString(),
          venueName: show?.venue ?? '',
          seats,
          total: e.total,
          ticketsLink: `${this.d.publicUrl}/me/reservations`,
        },
      },
    };
    return this.d.notifier.deliver([item]);
  }

  async ticketsIssued(event: ParsedEvent<'ticket.issued'>): Promise<number> {
    const e = event.data;
    const show = (await this.d.showtimes.labels([e.showtimeId])).get(e.showtimeId);
    const count = e.tickets.length;
    return this.d.notifier.deliver([
      {
        userId: e.userId,
        type: 'TICKETS_ISSUED',
        dedupeKey: `TICKETS_ISSUED:${e.reservationId}`,
        title: '모바일 티켓이 발급되었어요',
        body: [showLine(show), `티켓 ${count}장 · 입장할 때 QR을 보여 주세요`].filter(Boolean).join(' · '),
        link: reservationLink(e.reservationId),
      },
    ]);
  }

  async cancelled(event: ParsedEvent<'reservation.cancelled'>): Promise<number> {
    const e = event.data;
    // The booking number is not in the event; the buyer and showtime are looked up when it lacks them.
    const owner = await this.d.reservations.ownerOf(e.reservationId);
    const userId = e.userId ?? owner?.userId;
    if (!userId) {
      this.d.log.info({ reservationId: e.reservationId }, 'cancellation without a buyer: no notice');
      return 0;
    }
    const showtimeId = e.showtimeId ?? owner?.showtimeId;
    const show = showtimeId ? (await this.d.showtimes.labels([showtimeId])).get(showtimeId) : undefined;
    const bookingNumber = owner?.bookingNumber;
    const refund = e.refundAmount ?? 0;
    const link = reservationLink(e.reservationId);
    return this.d.notifier.deliver([
      {
        userId,
        type: 'BOOKING_CANCELLED',
        dedupeKey: `BOOKING_CANCELLED:${e.reservationId}`,
        title: '예매가 취소되었어요',
        body: [showLine(show), `환불 금액 ${won(refund)}`].filter(Boolean).join(' · '),
        link,
        mail: {
          template: 'booking-cancelled',
          data: {
            bookingNumber: bookingNumber ?? e.reservationId.slice(0, 8).toUpperCase(),
            performanceTitle: show?.title ?? '예매한 공연',
            startsAt: (show?.startsAt ?? new Date(e.cancelledAt ?? event.occurredAt)).toISOString(),
            refundAmount: refund,
            link: `${this.d.publicUrl}/me/reservations`,
          },
        },
      },
    ]);
  }

  /**
   * Tickets could not be issued for good: checkout refunds and cancels (BOOKING_CANCELLED follows,
   * with its mail). This in-app notice tells the buyer at once; it has no mail of its own.
   */
  async issuanceFailed(event: ParsedEvent<'ticket.issuance_failed'>): Promise<number> {
    const e = event.data;
    const owner = await this.d.reservations.ownerOf(e.reservationId);
    if (!owner) return 0;
    const show = (await this.d.showtimes.labels([owner.showtimeId])).get(owner.showtimeId);
    return this.d.notifier.deliver([
      {
        userId: owner.userId,
        type: 'BOOKING_CANCELLED',
        dedupeKey: `TICKETS_FAILED:${e.reservationId}`,
        title: '티켓을 발급하지 못했어요',
        body: [showLine(show), '결제하신 금액은 자동으로 환불돼요. 불편을 드려 죄송해요.']
          .filter(Boolean)
          .join(' · '),
        link: reservationLink(e.reservationId),
      },
    ]);
  }
}
