import { Type } from 'typebox';
import { Page, Size, Uuid } from '../../http/schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const OrderStatus = Type.Union([
  Type.Literal('PENDING_PAYMENT'),
  Type.Literal('CONFIRMED'),
  Type.Literal('FAILED'),
  Type.Literal('EXPIRED'),
  Type.Literal('CANCELLED'),
]);

export const OrdersQuery = Type.Object({
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'Email, nickname, phone, booking number or reservation id',
    }),
  ),
  status: Type.Optional(OrderStatus),
  showtimeId: Type.Optional(Uuid),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Ordered at or after' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Ordered before' })),
  page: Page(),
  size: Size(20),
  format: Type.Optional(
    Type.Union([Type.Literal('json'), Type.Literal('csv')], {
      description: 'csv: every matching order as a streamed CSV file (UTF-8 with BOM), no paging',
    }),
  ),
});

const Buyer = Type.Object({
  id: Uuid,
  email: Type.String(),
  nickname: Type.String(),
  phone: Nullable(Type.String()),
});

const summaryFields = {
  id: Uuid,
  bookingNumber: Type.String(),
  status: OrderStatus,
  paymentStatus: Type.String(),
  buyer: Nullable(Buyer),
  booker: Nullable(Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()) })),
  showtime: Type.Object({
    id: Uuid,
    performanceId: Uuid,
    title: Nullable(Type.String()),
    startsAt: Nullable(Type.String({ format: 'date-time' })),
  }),
  total: Type.Integer(),
  refunded: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
};

export const OrderSummary = Type.Object(summaryFields);

export const OrdersPage = Type.Object({
  items: Type.Array(OrderSummary),
  page: Type.Integer(),
  size: Type.Integer(),
  total: Type.Integer(),
});

export const OrderDetail = Type.Object({
  ...summaryFields,
  ...{
    amount: Type.Integer(),
    discount: Type.Integer(),
    couponUsed: Type.Boolean(),
    paymentId: Uuid,
    refundable: Type.Integer({ description: 'KRW that can still be refunded' }),
    cancelInProgress: Type.Boolean(),
    confirmedAt: Nullable(Type.String({ format: 'date-time' })),
    closedAt: Nullable(Type.String({ format: 'date-time' })),
    seats: Type.Array(
      Type.Object({
        id: Uuid,
        section: Type.String(),
        row: Type.String(),
        number: Type.Integer(),
        grade: Type.String(),
        price: Type.Integer(),
        ticketType: Nullable(Type.String()),
      }),
    ),
    tickets: Type.Array(
      Type.Object({
        id: Type.String(),
        status: Type.String(),
        seat: Type.Object({ section: Type.String(), row: Type.String(), number: Type.Integer() }),
        issuedAt: Type.String(),
        usedAt: Nullable(Type.String()),
      }),
    ),
    refunds: Type.Array(
      Type.Object({
        id: Uuid,
        amount: Type.Integer(),
        kind: Type.Union([Type.Literal('BUYER'), Type.Literal('ADMIN'), Type.Literal('ISSUANCE_FAILURE')]),
        reason: Type.String(),
        actorId: Nullable(Uuid),
        status: Type.Union([Type.Literal('PENDING'), Type.Literal('DONE')]),
        createdAt: Type.String({ format: 'date-time' }),
        completedAt: Nullable(Type.String({ format: 'date-time' })),
      }),
    ),
    timeline: Type.Array(
      Type.Object({
        kind: Type.Union([Type.Literal('STATE'), Type.Literal('WEBHOOK'), Type.Literal('REFUND')]),
        status: Nullable(Type.String()),
        step: Nullable(Type.String()),
        paymentStatus: Nullable(Type.String()),
        detail: Nullable(Type.Record(Type.String(), Type.Unknown())),
        at: Type.String({ format: 'date-time' }),
      }),
    ),
  },
});

export const AdminCancelBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 500 }),
    refundAmount: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'KRW; absent: everything left' }),
    ),
  },
  { additionalProperties: false },
);
