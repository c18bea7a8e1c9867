import { Type, type Static } from 'typebox';
import { IdParams, Page, Size, Uuid } from '../../http/schemas.ts';
import type { InquiryRow } from './inquiries.repository.ts';
import type { Thread, ThreadMessage } from './inquiries.service.ts';

export { IdParams };

const Instant = Type.String({ format: 'date-time' });
export const Category = Type.Union(
  [
    Type.Literal('BOOKING'),
    Type.Literal('PAYMENT'),
    Type.Literal('CANCEL'),
    Type.Literal('TICKET'),
    Type.Literal('ACCOUNT'),
    Type.Literal('OTHER'),
  ],
  { description: 'BOOKING 예매, PAYMENT 결제, CANCEL 취소·환불, TICKET 티켓, ACCOUNT 계정, OTHER 기타' },
);
export const Status = Type.Union([Type.Literal('OPEN'), Type.Literal('ANSWERED'), Type.Literal('CLOSED')]);

export const OpenInquiryBody = Type.Object({
  category: Category,
  title: Type.String({ minLength: 1, maxLength: 100 }),
  body: Type.String({ minLength: 1, maxLength: 2000 }),
  reservationId: Type.Optional(Uuid),
});

export const MessageBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 2000 }) });

export const Message = Type.Object({
  id: Uuid,
  author: Type.Object({
    nickname: Type.String({ description: "The buyer's nickname, or 고객센터 for staff" }),
    staff: Type.Boolean(),
  }),
  body: Type.String({ description: 'Plain text; line breaks are kept' }),
  createdAt: Instant,
});

const InquiryFields = {
  id: Uuid,
  category: Category,
  title: Type.String(),
  status: Status,
  reservationId: Type.Union([Uuid, Type.Null()]),
  bookingNumber: Type.Union([Type.String(), Type.Null()]),
  messageCount: Type.Integer(),
  createdAt: Instant,
  updatedAt: Instant,
  closedAt: Type.Union([Instant, Type.Null()]),
};

export const InquirySummary = Type.Object({
  ...InquiryFields,
  hasUnreadAnswer: Type.Boolean({ description: 'An answer came after the buyer last opened the thread' }),
});

export const InquiryThread = Type.Object({ ...InquiryFields, messages: Type.Array(Message) });

export const InquiryPage = Type.Object({
  items: Type.Array(InquirySummary),
  page: Type.Integer(),
  size: Type.Integer(),
  total: Type.Integer(),
});

const Buyer = Type.Object({ id: Uuid, nickname: Type.String(), email: Type.String() });

export const DeskItem = Type.Object({
  ...InquiryFields,
  waitingSince: Type.Union([Instant, Type.Null()], { description: 'Since when the buyer waits (OPEN)' }),
  buyer: Buyer,
});
export const DeskPage = Type.Object({
  items: Type.Array(DeskItem),
  page: Type.Integer(),
  size: Type.Integer(),
  total: Type.Integer(),
});
export const DeskThread = Type.Object({
  ...InquiryFields,
  waitingSince: Type.Union([Instant, Type.Null()]),
  buyer: Buyer,
  messages: Type.Array(Message),
});

export const MineQuery = Type.Object({ page: Page(), size: Size(20) });
export const DeskQuery = Type.Object({
  status: Type.Optional(Status),
  category: Type.Optional(Category),
  page: Page(),
  size: Size(20),
});

/** The fields every inquiry shape shares. */
export const InquiryBase = Type.Object(InquiryFields);
type Fields = Static<typeof InquiryBase>;

export const toFields = (row: InquiryRow): Fields => ({
  id: row.id,
  category: row.category,
  title: row.title,
  status: row.status,
  reservationId: row.reservation_id,
  bookingNumber: row.booking_number,
  messageCount: row.message_count,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  closedAt: row.closed_at?.toISOString() ?? null,
});

export const toSummary = (row: InquiryRow): Static<typeof InquirySummary> => ({
  ...toFields(row),
  hasUnreadAnswer:
    row.last_answer_at !== null && (row.buyer_read_at === null || row.buyer_read_at < row.last_answer_at),
});

export const toMessage = (m: ThreadMessage): Static<typeof Message> => ({
  id: m.id,
  author: m.author,
  body: m.body,
  createdAt: m.createdAt.toISOString(),
});

export const toThread = (t: Thread): Static<typeof InquiryThread> => ({
  ...toFields(t.inquiry),
  messages: t.messages.map(toMessage),
});

export const toDeskThread = (t: Thread): Static<typeof DeskThread> => ({
  ...toFields(t.inquiry),
  waitingSince: t.inquiry.waiting_since?.toISOString() ?? null,
  buyer: t.buyer,
  messages: t.messages.map(toMessage),
});
