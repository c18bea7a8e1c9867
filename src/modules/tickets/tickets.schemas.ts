import { Type } from 'typebox';
import { IdParams, QueryInteger, Uuid, UuidOf } from '../../http/schemas.ts';
import type { IssuanceFailureRow, TicketRow } from './tickets.repository.ts';

export const TicketIdParams = IdParams;

export const Ticket = Type.Object({
  id: Uuid,
  reservationId: Uuid,
  performanceId: Uuid,
  showtimeId: Uuid,
  seat: Type.Object({
    seatId: Uuid,
    section: Type.String(),
    row: Type.String(),
    number: Type.Integer(),
    grade: Type.String(),
  }),
  price: Type.Integer(),
  status: Type.Union([Type.Literal('ISSUED'), Type.Literal('USED'), Type.Literal('REVOKED')]),
  code: Type.String({ description: 'Signed ticket code (base64url); the QR encodes exactly this' }),
  issuedAt: Type.String({ format: 'date-time' }),
  usedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const CheckInBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 200 }),
    showtimeId: Type.Optional(UuidOf('The showtime this gate admits to')),
  },
  { additionalProperties: false },
);

export const CheckInResult = Type.Object({
  ticketId: Uuid,
  status: Type.Literal('USED'),
  showtimeId: Uuid,
  seat: Type.Object({
    section: Type.String(),
    row: Type.String(),
    number: Type.Integer(),
    grade: Type.String(),
  }),
  usedAt: Type.String({ format: 'date-time' }),
});

export const FailuresQuery = Type.Object({ limit: QueryInteger({ minimum: 1, maximum: 200, default: 50 }) });

export const IssuanceFailure = Type.Object({
  id: Uuid,
  messageId: Type.String(),
  reservationId: Type.Union([Uuid, Type.Null()]),
  reason: Type.String(),
  attempts: Type.Integer(),
  failedAt: Type.String({ format: 'date-time' }),
});

export function toTicket(t: TicketRow) {
  return {
    id: t.id,
    reservationId: t.reservation_id,
    performanceId: t.performance_id,
    showtimeId: t.showtime_id,
    seat: { seatId: t.seat_id, section: t.section, row: t.row_label, number: t.number, grade: t.grade },
    price: t.price,
    status: t.status,
    code: t.code,
    issuedAt: t.issued_at.toISOString(),
    usedAt: t.used_at ? t.used_at.toISOString() : null,
  };
}

export function toFailure(f: IssuanceFailureRow) {
  return {
    id: f.id,
    messageId: f.message_id,
    reservationId: f.reservation_id,
    reason: f.reason,
    attempts: f.attempts,
    failedAt: f.failed_at.toISOString(),
  };
}
