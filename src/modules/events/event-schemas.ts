import { Type, type Static, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { PermanentError } from '../../infra/broker.ts';
import { Uuid } from '../../http/schemas.ts';

/**
 * The versioned contracts of domain events (documented in docs/events.md). Consumers validate what
 * they receive with `parseEvent`; a payload that does not match is a PermanentError, so it goes
 * straight to the dead-letter queue instead of being retried forever. Additive changes (a new
 * optional field) keep the version; anything else is a new version with its own schema.
 */

const Instant = Type.String({ format: 'date-time' });
const Krw = Type.Integer({ minimum: 0 });

export const Envelope = Type.Object({
  eventId: Uuid,
  type: Type.String({ minLength: 1 }),
  version: Type.Integer({ minimum: 1 }),
  occurredAt: Instant,
  data: Type.Object({}),
});

export const ReservationSeat = Type.Object({
  seatId: Uuid,
  section: Type.String(),
  row: Type.String(),
  number: Type.Integer(),
  grade: Type.String(),
  price: Krw,
  /** What the seat was sold as (absent in events written before ticket types). */
  ticketType: Type.Optional(
    Type.Object({ code: Type.String(), name: Type.String(), proofRequired: Type.Boolean() }),
  ),
});

export const ReservationConfirmedV1 = Type.Object({
  reservationId: Uuid,
  userId: Uuid,
  showtimeId: Uuid,
  performanceId: Uuid,
  seats: Type.Array(ReservationSeat, { minItems: 1, maxItems: 50 }),
  amount: Krw,
  discount: Krw,
  total: Krw,
  confirmedAt: Instant,
  // Added within v1: events written before booking numbers existed have none.
  bookingNumber: Type.Optional(Type.String()),
});

/** Payment failed or was declined; the hold is released. */
export const ReservationFailedV1 = Type.Object({
  reservationId: Uuid,
  userId: Uuid,
  showtimeId: Uuid,
  reason: Type.String(),
  failedAt: Instant,
});

/** The reservation was not paid in time; its seats are free again. */
export const ReservationExpiredV1 = Type.Object({
  reservationId: Uuid,
  userId: Uuid,
  showtimeId: Uuid,
  expiredAt: Instant,
});

/** The buyer (or an admin, or compensation) cancelled a confirmed reservation; tickets are revoked. */
// Only reservationId is required: revoking tickets must not depend on the rest of the payload.
export const ReservationCancelledV1 = Type.Object({
  reservationId: Uuid,
  userId: Type.Optional(Uuid),
  showtimeId: Type.Optional(Uuid),
  seatIds: Type.Optional(Type.Array(Uuid)),
  refundAmount: Type.Optional(Krw),
  reason: Type.Optional(Type.String()),
  cancelledAt: Type.Optional(Instant),
});

export const TicketIssuedV1 = Type.Object({
  reservationId: Uuid,
  userId: Uuid,
  showtimeId: Uuid,
  performanceId: Uuid,
  // Codes are bearer credentials: they stay in the database and the owner's API, never in messages.
  tickets: Type.Array(Type.Object({ ticketId: Uuid, seatId: Uuid })),
  issuedAt: Instant,
});

/** Issuance was dead-lettered after its retries: checkout refunds and releases the seats. */
export const TicketIssuanceFailedV1 = Type.Object({
  reservationId: Uuid,
  failureId: Uuid,
  sourceEventId: Type.Union([Uuid, Type.Null()]),
  reason: Type.String(),
  attempts: Type.Integer({ minimum: 0 }),
  failedAt: Instant,
});

/**
 * A performance became visible to buyers: created listed (not a draft), or its status changed to
 * ON_SALE. Written again whenever that happens again (consumers deduplicate per performance).
 */
export const PerformancePublishedV1 = Type.Object({
  performanceId: Uuid,
  title: Type.String(),
  cast: Type.Array(Type.String()),
  venueName: Type.String(),
  /** When sales open for the earliest upcoming showtime; null when none is scheduled yet. */
  salesOpenAt: Type.Union([Instant, Type.Null()]),
  status: Type.Union([Type.Literal('ON_SALE'), Type.Literal('CLOSED')]),
  publishedAt: Instant,
});

/** Staff answered a buyer's 1:1 inquiry (one event per staff message; notifications tell the buyer). */
export const InquiryAnsweredV1 = Type.Object({
  inquiryId: Uuid,
  messageId: Uuid,
  /** The buyer who opened the inquiry. */
  userId: Uuid,
  title: Type.String(),
  category: Type.String(),
  /** The start of the answer (at most 200 characters), for the notice. */
  excerpt: Type.String({ maxLength: 200 }),
  answeredAt: Instant,
});

/** An admin hid a review from the public list (it left the performance's aggregates). */
export const ReviewHiddenV1 = Type.Object({
  reviewId: Uuid,
  performanceId: Uuid,
  /** The author, who is told. */
  userId: Uuid,
  performanceTitle: Type.String(),
  reason: Type.String(),
  hiddenAt: Instant,
});

/** The theatre replied under a review (written again when the reply is edited). */
export const ReviewRepliedV1 = Type.Object({
  reviewId: Uuid,
  performanceId: Uuid,
  /** The author, who is told. */
  userId: Uuid,
  performanceTitle: Type.String(),
  reply: Type.String(),
  repliedAt: Instant,
});

export const EVENT_SCHEMAS = {
  'reservation.confirmed': { version: 1, schema: ReservationConfirmedV1 },
  'reservation.failed': { version: 1, schema: ReservationFailedV1 },
  'reservation.expired': { version: 1, schema: ReservationExpiredV1 },
  'reservation.cancelled': { version: 1, schema: ReservationCancelledV1 },
  'ticket.issued': { version: 1, schema: TicketIssuedV1 },
  'ticket.issuance_failed': { version: 1, schema: TicketIssuanceFailedV1 },
  'performance.published': { version: 1, schema: PerformancePublishedV1 },
  'inquiry.answered': { version: 1, schema: InquiryAnsweredV1 },
  'review.hidden': { version: 1, schema: ReviewHiddenV1 },
  'review.replied': { version: 1, schema: ReviewRepliedV1 },
} as const;

export type EventType = keyof typeof EVENT_SCHEMAS;
export type EventData<T extends EventType> = Static<(typeof EVENT_SCHEMAS)[T]['schema']>;

export interface ParsedEvent<T extends EventType> {
  eventId: string;
  type: T;
  version: number;
  occurredAt: string;
  data: EventData<T>;
}

const compiled = new WeakMap<TSchema, ReturnType<typeof Compile<TSchema>>>();
function checker(schema: TSchema): ReturnType<typeof Compile<TSchema>> {
  let c = compiled.get(schema);
  if (!c) {
    c = Compile(schema);
    compiled.set(schema, c);
  }
  return c;
}

function describe(schema: TSchema, value: unknown): string {
  const first = [...checker(schema).Errors(value)][0];
  return first ? `${first.instancePath || '(root)'} ${first.message}` : 'does not match';
}

/** Validates an envelope of the expected type and version; throws PermanentError when it is not one. */
export function parseEvent<T extends EventType>(type: T, body: unknown): ParsedEvent<T> {
  const { version, schema } = EVENT_SCHEMAS[type];
  if (!checker(Envelope).Check(body))
    throw new PermanentError(`invalid envelope: ${describe(Envelope, body)}`);
  const env = body as Static<typeof Envelope>;
  if (env.type !== type) throw new PermanentError(`expected ${type}, got ${env.type}`);
  if (env.version !== version) throw new PermanentError(`unsupported ${type} version ${env.version}`);
  if (!checker(schema).Check(env.data)) {
    throw new PermanentError(`invalid ${type} v${version} data: ${describe(schema, env.data)}`);
  }
  return env as ParsedEvent<T>;
}

/** Checks an event we are about to write to the outbox against its own contract (a bug, not input). */
export function assertEventData<T extends EventType>(type: T, data: EventData<T>): void {
  const { schema } = EVENT_SCHEMAS[type];
  if (!checker(schema).Check(data))
    throw new Error(`${type} data breaks its schema: ${describe(schema, data)}`);
}
