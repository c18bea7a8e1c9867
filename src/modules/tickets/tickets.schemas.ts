import { Type } from 'typebox';
import type { DoorAnswer, DoorShowtime } from './door.service.ts';
import { IdParams, QueryInteger, Uuid, UuidOf } from '../../http/schemas.ts';

import type { IssuanceFailureRow, TicketRow } from './tickets.repository.ts';

export const TicketIdParams = IdParams;

export const TicketType = Type.Union(
  [
    Type.Object({
      code: Type.String(),
      name: Type.String({ description: 'As the buyer and the door read it, e.g. 청소년' }),
      proofRequired: Type.Boolean({
        description: 'The holder shows a proof (student card, welfare card) at the door',
      }),
    }),
    Type.Null(),
  ],
  { description: 'The ticket type it was sold as; null for tickets issued before types existed' },
);

export const Ticket = Type.Object({
  id: Uuid,
  reservationId: Uuid,
  bookingNumber: Type.Union([Type.String(), Type.Null()], {
    description: "The reservation's booking number; null for tickets issued before it was recorded",
  }),
  performanceId: Uuid,
  showtimeId: Uuid,
  seat: Type.Object({
    seatId: Uuid,
    section: Type.String(),
    row: Type.String(),
    number: Type.Integer(),
    grade: Type.String(),
  }),
  ticketType: TicketType,
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

export const DoorShow = Type.Object(
  {
    showtimeId: Uuid,
    performanceId: Uuid,
    title: Type.String({ description: "The performance's title" }),
    startsAt: Type.String({ format: 'date-time' }),
    venue: Type.String(),
  },
  { description: 'The showtime the ticket admits to; null if the catalogue no longer has it' },
);

export const DoorHolder = Type.Object(
  {
    nickname: Type.String(),
    email: Type.String({ description: 'Masked: the first letters and the domain, e.g. `ki***@example.com`' }),
  },
  { description: 'Who bought the ticket: enough for the door to match a person, no more' },
);

const DoorSeat = Type.Object({
  section: Type.String(),
  row: Type.String(),
  number: Type.Integer(),
  grade: Type.String(),
});

/** A 409 at the door: the problem, plus the same description of the ticket as a success. */
export const CheckInRefusal = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'WRONG_SHOWTIME, TICKET_REVOKED or TICKET_ALREADY_USED' }),
    ticketId: Type.Optional(Uuid),
    ticketStatus: Type.Optional(
      Type.Union([Type.Literal('ISSUED'), Type.Literal('USED'), Type.Literal('REVOKED')]),
    ),
    showtimeId: Type.Optional(Uuid),
    seat: Type.Optional(DoorSeat),
    ticketType: Type.Optional(TicketType),
    show: Type.Optional(Type.Union([DoorShow, Type.Null()])),
    holder: Type.Optional(Type.Union([DoorHolder, Type.Null()])),
    usedAt: Type.Optional(
      Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
        description: 'When it was checked in (TICKET_ALREADY_USED)',
      }),
    ),
    gateShowtimeId: Type.Optional(Uuid),
  },
  { additionalProperties: true },
);

export const DoorShowtimesQuery = Type.Object({
  days: QueryInteger({
    minimum: 1,
    maximum: 31,
    default: 7,
    description: 'How far ahead to list, from now; the list starts at the beginning of today (Seoul)',
  }),
});

export const DoorShowtimeItem = Type.Object({
  id: Uuid,
  performanceId: Uuid,
  title: Type.String(),
  startsAt: Type.String({ format: 'date-time' }),
  venue: Type.String(),
  ticketsIssued: Type.Integer({ description: 'Tickets that admit someone (issued or used)' }),
  checkedIn: Type.Integer(),
});

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
  ticketType: TicketType,
  usedAt: Type.String({ format: 'date-time' }),
  show: Type.Union([DoorShow, Type.Null()]),
  holder: Type.Union([DoorHolder, Type.Null()]),
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
    bookingNumber: t.booking_number,
    performanceId: t.performance_id,
    showtimeId: t.showtime_id,
    seat: { seatId: t.seat_id, section: t.section, row: t.row_label, number: t.number, grade: t.grade },
    ticketType: ticketTypeOf(t),
    price: t.price,
    status: t.status,
    code: t.code,
    issuedAt: t.issued_at.toISOString(),
    usedAt: t.used_at ? t.used_at.toISOString() : null,
  };
}

function ticketTypeOf(t: TicketRow) {
  if (t.ticket_type_code === null || t.ticket_type_name === null) return null;
  return { code: t.ticket_type_code, name: t.ticket_type_name, proofRequired: t.proof_required };
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

/** The ticket as the door describes it, in a success and in every 409. */
export function toDoorAnswer(a: DoorAnswer) {
  const t = a.ticket;
  return {
    ticketId: t.id,
    showtimeId: t.showtime_id,
    seat: { section: t.section, row: t.row_label, number: t.number, grade: t.grade },
    ticketType: ticketTypeOf(t),
    usedAt: t.used_at ? t.used_at.toISOString() : null,
    show: a.show ? { ...a.show, startsAt: a.show.startsAt.toISOString() } : null,
    holder: a.holder,
  };
}

export function toDoorShowtime(s: DoorShowtime) {
  return {
    id: s.showtimeId,
    performanceId: s.performanceId,
    title: s.title,
    startsAt: s.startsAt.toISOString(),
    venue: s.venue,
    ticketsIssued: s.ticketsIssued,
    checkedIn: s.checkedIn,
  };
}
