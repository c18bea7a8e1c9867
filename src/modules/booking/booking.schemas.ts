import { Type, type Static } from 'typebox';
import { errors, IdParams, PageQuery, Uuid } from '../../http/schemas.ts';
import { BOOKING_NUMBER_PATTERN } from './booking-number.ts';

export { errors, IdParams };
export const ShowtimeParams = IdParams;

/**
 * The items are `anyOf: [uuid]`, not the uuid schema itself, for the validator's sake. For items of a
 * known scalar type Ajv checks `uniqueItems` by adding each item as a key of a fresh `{}`: with seat
 * uuids as keys, every attempt gave V8's empty-object shape new transitions, thousands over a sale,
 * and the check cost 3 µs an attempt where it costs under 1 µs now. Without a top-level `type` on the
 * items Ajv compares the (at most 20) items pairwise instead. Same rule, same 400 for a duplicate.
 */
export const HoldBody = Type.Object(
  { seatIds: Type.Array(Type.Union([Uuid]), { minItems: 1, maxItems: 20, uniqueItems: true }) },
  { additionalProperties: false },
);
export const Hold = Type.Object({
  id: Uuid,
  showtimeId: Uuid,
  seatIds: Type.Array(Uuid),
  amount: Type.Integer(),
  expiresAt: Type.String({ format: 'date-time' }),
});

const TicketTypeCode = Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,23}$' });
/** Seat id → ticket type code, as in `GET /performances/{id}` `ticketTypes`; a seat left out is ADULT. */
export const TicketTypeChoice = Type.Record(Type.String({ format: 'uuid' }), TicketTypeCode, {
  maxProperties: 20,
  description: 'Seat id → ticket type code of the performance (ADULT when left out)',
});
export const Booker = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' }),
    phone: Type.String({
      pattern: '^01[016789]-?[0-9]{3,4}-?[0-9]{4}$',
      description: 'A Korean mobile number, with or without hyphens; stored and answered as digits',
      examples: ['010-1234-5678'],
    }),
  },
  { additionalProperties: false, description: 'Who booked: the name and mobile number the box office calls' },
);
export const PayMethod = Type.Union(
  [Type.Literal('CARD'), Type.Literal('EASY_PAY'), Type.Literal('VIRTUAL_ACCOUNT'), Type.Literal('TRANSFER')],
  { description: 'How the buyer pays, as PortOne v2 names it (default CARD)' },
);
export const EasyPayProvider = Type.Union(
  [Type.Literal('KAKAOPAY'), Type.Literal('TOSSPAY'), Type.Literal('NAVERPAY')],
  { description: 'The easy-pay service (payMethod EASY_PAY only, and then required)' },
);
export const VirtualAccount = Type.Object(
  {
    bank: Type.String({ description: 'PortOne bank code, e.g. SHINHAN' }),
    accountNumber: Type.String(),
    dueAt: Type.String({ format: 'date-time', description: 'Deposit deadline; unpaid then → EXPIRED' }),
  },
  { description: 'The account to deposit the total into (payMethod VIRTUAL_ACCOUNT)' },
);
export const ReservationBody = Type.Object(
  {
    holdId: Uuid,
    userCouponId: Type.Optional(Uuid),
    ticketTypes: Type.Optional(TicketTypeChoice),
    booker: Type.Optional(Booker),
    payMethod: Type.Optional(PayMethod),
    easyPayProvider: Type.Optional(EasyPayProvider),
  },
  { additionalProperties: false },
);
export type ReservationBody = Static<typeof ReservationBody>;

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 8, maxLength: 200, pattern: '^[A-Za-z0-9_.:-]+$' }),
  ),
  'x-admission-token': Type.Optional(Type.String({ maxLength: 4096 })),
});
export const AdmissionHeaders = Type.Object({
  'x-admission-token': Type.Optional(Type.String({ maxLength: 4096 })),
});

export const ReservationStatus = Type.Union([
  Type.Literal('PENDING_PAYMENT'),
  Type.Literal('CONFIRMED'),
  Type.Literal('FAILED'),
  Type.Literal('EXPIRED'),
  Type.Literal('CANCELLED'),
]);

export const BookingNumber = Type.String({
  pattern: BOOKING_NUMBER_PATTERN,
  description: 'Human-readable booking number: CT + booking day in Korea (YYMMDD) + 6 base32 characters',
  examples: ['CT261130K7Q2XM'],
});

export const CreatedReservation = Type.Object({
  id: Uuid,
  bookingNumber: BookingNumber,
  status: Type.String(),
  amount: Type.Integer(),
  discount: Type.Integer(),
  total: Type.Integer(),
  expiresAt: Type.String({ format: 'date-time' }),
  payment: Type.Object({
    id: Uuid,
    checkoutUrl: Type.String({
      description: "The sandbox gateway's page for this payment (the buyer's side)",
    }),
    payMethod: Type.Optional(PayMethod),
    easyPayProvider: Type.Optional(EasyPayProvider),
    request: Type.Optional(
      Type.Object(
        {
          storeId: Type.String(),
          channelKey: Type.String(),
          paymentId: Uuid,
          orderName: Type.String(),
          totalAmount: Type.Integer(),
          currency: Type.Literal('KRW'),
          payMethod: Type.Union([Type.Literal('CARD'), Type.Literal('EASY_PAY'), Type.Literal('TRANSFER')]),
          easyPay: Type.Optional(Type.Object({ easyPayProvider: EasyPayProvider })),
          redirectUrl: Type.String(),
        },
        { description: "The argument for PortOne's browser SDK requestPayment (all but virtual accounts)" },
      ),
    ),
    virtualAccount: Type.Optional(VirtualAccount),
  }),
});

export const SeatView = Type.Object({
  id: Uuid,
  section: Type.String(),
  row: Type.String(),
  number: Type.Integer(),
  grade: Type.String(),
  price: Type.Integer({ description: 'What the reservation charged for the seat: its ticket type price' }),
  ticketType: Type.Object({ code: Type.String(), name: Type.String(), proofRequired: Type.Boolean() }),
});

export const ReservationDetail = Type.Object({
  id: Uuid,
  bookingNumber: BookingNumber,
  status: ReservationStatus,
  showtime: Type.Object({
    id: Uuid,
    performanceId: Uuid,
    title: Type.String(),
    startsAt: Type.String(),
    venue: Type.Union([Type.Object({ name: Type.String(), address: Type.String() }), Type.Null()], {
      description: 'Where the showtime is played; null once the catalogue no longer has the showtime',
    }),
  }),
  seats: Type.Array(SeatView),
  booker: Type.Union([Type.Object({ name: Type.String(), phone: Type.String() }), Type.Null()]),
  amount: Type.Integer(),
  discount: Type.Integer(),
  total: Type.Integer(),
  refundAmount: Type.Union([Type.Integer(), Type.Null()]),
  failureCode: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.String(),
  createdAt: Type.String(),
  payment: Type.Object({
    id: Uuid,
    status: Type.String(),
    payMethod: Type.Optional(PayMethod),
    easyPayProvider: Type.Optional(EasyPayProvider),
    virtualAccount: Type.Optional(VirtualAccount),
  }),
  tickets: Type.Array(Type.Object({}, { additionalProperties: true })),
});

export const ListQuery = PageQuery;

export const ReservationList = Type.Object({
  items: Type.Array(ReservationDetail),
  page: Type.Integer(),
  size: Type.Integer(),
  total: Type.Integer(),
});

export const RefundAccountBody = Type.Object(
  {
    refundAccount: Type.Optional(
      Type.Object(
        {
          bank: Type.String({ pattern: '^[A-Z_]{2,40}$', description: 'PortOne bank code, e.g. KOOKMIN' }),
          number: Type.String({ pattern: '^[0-9-]{6,30}$' }),
          holder: Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  {
    additionalProperties: false,
    description: 'A virtual-account payment is refunded into the account the buyer names (required then)',
  },
);
export type RefundAccountBody = Static<typeof RefundAccountBody>;

export const Cancelled = Type.Object({ id: Uuid, status: Type.String(), refundAmount: Type.Integer() });

export const RefundPolicy = Type.Object({
  rules: Type.Array(
    Type.Object({
      daysBefore: Type.Integer({ description: 'At least this many whole days (24 h) before the start' }),
      percent: Type.Integer({ minimum: 0, maximum: 100 }),
    }),
    { description: 'Most generous first; the first rule whose daysBefore is met applies' },
  ),
  cancelDeadlineHoursBefore: Type.Integer({
    description: 'A reservation can be cancelled until this many hours before the show starts',
  }),
});

export const RefundQuote = Type.Object({
  cancellable: Type.Boolean({ description: 'Whether POST /reservations/{id}/cancel would succeed now' }),
  refundAmount: Type.Integer({
    description:
      'Won the cancel refunds now (exactly what it will refund); for a cancelled one, what was refunded',
  }),
  fee: Type.Integer({ description: 'Won kept as the cancellation fee (total − refundAmount)' }),
  percent: Type.Union([Type.Integer({ minimum: 0, maximum: 100 }), Type.Null()], {
    description: 'The policy rule that applies now; null when not cancellable',
  }),
  deadline: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'The last moment cancelling is possible (the show start minus the shortest rule)',
  }),
  policy: RefundPolicy,
});
