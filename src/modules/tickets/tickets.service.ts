import { createHash, randomUUID } from 'node:crypto';
import type { ConsumeMessage } from 'amqplib';
import QRCode from 'qrcode';
import type { Counter } from 'prom-client';
import { AppError } from '../../errors.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import type { Logger } from '../../infra/logger.ts';
import type { Metrics } from '../../infra/metrics.ts';
import type { ReadRouting } from '../../infra/read-routing.ts';
import type { RequestUser } from '../../http/auth-guard.ts';
import type { EventData, ParsedEvent } from '../events/event-schemas.ts';
import { appendEvent } from '../events/outbox.ts';
import type { TicketSigner } from './ticket-code.ts';
import type { IssuanceFailureRow, TicketRow, TicketsRepository } from './tickets.repository.ts';

const ISSUER = 'tickets.issue';
const REVOKER = 'tickets.revoke';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface IssueResult {
  outcome: 'issued' | 'duplicate';
  ticketIds: string[];
}

export interface TicketsDeps {
  /** The primary: every write and every read that must not lag. */
  db: Db;
  /**
   * Lag-tolerant reads by a user: the replica, or the primary right after that user wrote. Issuing or
   * revoking a user's tickets counts as a write for them (markWrote), so "my tickets" shows it at once.
   */
  readRouting: Pick<ReadRouting, 'readDbFor' | 'markWrote'>;
  repo: TicketsRepository;
  signer: TicketSigner;
  log: Logger;
  metrics: Metrics;
  clock: Clock;
}

/** Issuance from events, revocation, and the record of issuances that failed for good (check-in: door.service.ts). */
export class TicketsService {
  private readonly issued: Counter;
  private readonly failures: Counter;
  private readonly db: Db;
  private readonly repo: TicketsRepository;
  private readonly signer: TicketSigner;
  private readonly log: Logger;

  constructor(private readonly d: TicketsDeps) {
    ({ db: this.db, repo: this.repo, signer: this.signer, log: this.log } = d);
    const { metrics } = d;
    this.issued = metrics.counter({ name: 'tickets_issued_total', help: 'Tickets issued' });
    this.failures = metrics.counter({
      name: 'ticket_issuance_failures_total',
      help: 'Issuances dead-lettered and recorded',
    });
  }

  /**
   * One ticket per seat of a confirmed reservation. Idempotent twice over: the event id is recorded
   * in processed_events and the tickets are unique per (reservation, seat), both in this transaction,
   * so a redelivery or a second event for the same reservation issues nothing new.
   */
  async issue(event: ParsedEvent<'reservation.confirmed'>): Promise<IssueResult> {
    const d = event.data;
    const result = await this.db.transaction().execute(async (tx): Promise<IssueResult> => {
      if (!(await this.repo.markProcessedAndLock(tx, ISSUER, event.eventId, d.reservationId))) {
        return { outcome: 'duplicate', ticketIds: [] };
      }
      const rows = d.seats.map((seat) => {
        const id = randomUUID();
        return {
          id,
          reservation_id: d.reservationId,
          user_id: d.userId,
          performance_id: d.performanceId,
          showtime_id: d.showtimeId,
          seat_id: seat.seatId,
          section: seat.section,
          row_label: seat.row,
          number: seat.number,
          grade: seat.grade,
          price: seat.price,
          code: this.signer.sign({ ticketId: id, showtimeId: d.showtimeId, seatId: seat.seatId }),
          // Both are optional in v1: an event from before they existed issues tickets without them.
          booking_number: d.bookingNumber ?? null,
          ticket_type_code: seat.ticketType?.code ?? null,
          ticket_type_name: seat.ticketType?.name ?? null,
          proof_required: seat.ticketType?.proofRequired ?? false,
        };
      });
      // Cancelled (or failed for good) before this event was handled: nothing is inserted.
      const inserted = await this.repo.insertTicketsUnlessRevoked(tx, rows);
      if (inserted.length > 0) {
        const data: EventData<'ticket.issued'> = {
          reservationId: d.reservationId,
          userId: d.userId,
          showtimeId: d.showtimeId,
          performanceId: d.performanceId,
          tickets: inserted.map((t) => ({ ticketId: t.id, seatId: t.seat_id })),
          issuedAt: this.d.clock.now().toISOString(),
        };
        await appendEvent(tx, 'ticket.issued', { type: 'reservation', id: d.reservationId }, data);
      }
      return { outcome: 'issued', ticketIds: inserted.map((t) => t.id) };
    });
    this.issued.inc(result.ticketIds.length);
    if (result.ticketIds.length > 0) await this.markWrote(d.userId);
    return result;
  }

  /** After the commit: the tickets stand whatever happens here, so a failure is only logged. */
  private async markWrote(userId: string): Promise<void> {
    try {
      await this.d.readRouting.markWrote(userId);
    } catch (err) {
      this.log.warn({ err, userId }, 'read-your-writes marker not set after a ticket change');
    }
  }

  /** Revokes every ticket of a cancelled reservation, and any issued for it later. Idempotent. */
  async revoke(event: ParsedEvent<'reservation.cancelled'>): Promise<string[]> {
    const { reservationId } = event.data;
    const revoked = await this.db.transaction().execute(async (tx) => {
      if (!(await this.repo.markProcessed(tx, REVOKER, event.eventId))) return [];
      await this.repo.lockReservation(tx, reservationId);
      return this.repo.revokeReservation(tx, reservationId, event.eventId, this.d.clock.now());
    });
    for (const userId of new Set(revoked.map((t) => t.userId))) await this.markWrote(userId);
    return revoked.map((t) => t.id);
  }

  /**
   * A `reservation.confirmed` that was dead-lettered: record it once for admins, block later issuance
   * for the reservation, and emit `ticket.issuance_failed` so checkout refunds and releases the seats.
   * Nothing is emitted when the reservation already holds valid tickets (another delivery succeeded).
   */
  async recordIssuanceFailure(
    body: unknown,
    msg: Pick<ConsumeMessage, 'content' | 'properties'>,
  ): Promise<void> {
    const headers = msg.properties.headers ?? {};
    const envelope = (body ?? {}) as { eventId?: unknown; data?: { reservationId?: unknown } };
    const reservationId = uuidOrNull(envelope.data?.reservationId);
    const sourceEventId = uuidOrNull(envelope.eventId);
    const messageId =
      (msg.properties.messageId as string | undefined) ??
      createHash('sha256').update(msg.content).digest('hex');
    const reason = String(headers['x-last-error'] ?? 'dead-lettered');
    const attempts = Math.max(0, Number(headers['x-attempt'] ?? 1) - 1);
    await this.db.transaction().execute(async (tx) => {
      if (reservationId) await this.repo.lockReservation(tx, reservationId);
      const failureId = await this.repo.recordFailure(tx, {
        message_id: messageId,
        reservation_id: reservationId,
        reason: reason.slice(0, 1000),
        attempts,
        payload: body,
      });
      if (!failureId) return;
      this.failures.inc();
      this.log.error({ reservationId, messageId, reason }, 'ticket issuance failed for good');
      if (!reservationId || (await this.repo.countValidForReservation(tx, reservationId)) > 0) return;
      await this.repo.revokeReservation(tx, reservationId, failureId, this.d.clock.now());
      const data: EventData<'ticket.issuance_failed'> = {
        reservationId,
        failureId,
        sourceEventId,
        reason: reason.slice(0, 1000),
        attempts,
        failedAt: this.d.clock.now().toISOString(),
      };
      await appendEvent(tx, 'ticket.issuance_failed', { type: 'reservation', id: reservationId }, data);
    });
  }

  listFailures(limit: number): Promise<IssuanceFailureRow[]> {
    return this.repo.listFailures(this.db, limit);
  }

  /** A reservation's tickets, for the reservation detail (the caller already checked ownership). */
  listForReservation(reservationId: string): Promise<TicketRow[]> {
    return this.repo.listByReservation(this.db, reservationId);
  }

  /**
   * "My tickets": lag-tolerant, so it reads the replica unless the user has just written (then the
   * primary, so a user who just paid or cancelled sees it).
   */
  async listForUser(userId: string): Promise<TicketRow[]> {
    return this.repo.listByUser(await this.d.readRouting.readDbFor(userId), userId);
  }

  /** The QR image of a ticket's code, for its owner or an admin; 404 for anyone else. */
  async qrSvg(ticketId: string, user: RequestUser): Promise<string> {
    const ticket = await this.repo.findById(this.db, ticketId);
    if (!ticket || (ticket.user_id !== user.id && user.role !== 'ADMIN'))
      throw new AppError('TICKET_NOT_FOUND');
    return QRCode.toString(ticket.code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  }
}

function uuidOrNull(value: unknown): string | null {
  return typeof value === 'string' && UUID.test(value) ? value : null;
}
