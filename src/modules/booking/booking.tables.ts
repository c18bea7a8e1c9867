import type { ColumnType, Generated, Selectable } from 'kysely';

export type PayMethod = 'CARD' | 'EASY_PAY' | 'VIRTUAL_ACCOUNT' | 'TRANSFER';

export interface VirtualAccountInfo {
  bank: string;
  accountNumber: string;
  dueAt: string;
}

export type ReservationStatus = 'PENDING_PAYMENT' | 'CONFIRMED' | 'FAILED' | 'EXPIRED' | 'CANCELLED';

/**
 * Saga steps persisted on the reservation. RESERVED → PAYMENT_REGISTERED → CONFIRMED on the happy path;
 * CANCEL_PAYMENT_PENDING → PAYMENT_CANCELLED when the payment must be voided or refunded after a failure;
 * CANCEL_REQUESTED → CANCELLED for a buyer's cancellation; COMPENSATED when nothing is owed at the gateway.
 */
export type SagaStep =
  | 'RESERVED'
  | 'PAYMENT_REGISTERED'
  | 'CONFIRMED'
  | 'COMPENSATED'
  | 'CANCEL_PAYMENT_PENDING'
  | 'PAYMENT_CANCELLED'
  | 'CANCEL_REQUESTED'
  | 'CANCELLED';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
type CreatedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ReservationsTable {
  id: Generated<string>;
  user_id: string;
  showtime_id: string;
  performance_id: string;
  hold_id: string;
  status: ReservationStatus;
  amount: number;
  discount: Generated<number>;
  total: number;
  user_coupon_id: string | null;
  payment_id: string;
  /** Human-readable, unique: `CT` + YYMMDD (KST) + 6 base32 characters. */
  booking_number: string;
  /** Who booked (name and mobile digits, e.g. 01012345678); null for reservations made without. */
  booker_name: ColumnType<string | null, string | null | undefined, string | null>;
  booker_phone: ColumnType<string | null, string | null | undefined, string | null>;
  payment_status: Generated<string>;
  /** PortOne v2 method (migration 0101): CARD, EASY_PAY (with its provider), VIRTUAL_ACCOUNT, TRANSFER. */
  pay_method: ColumnType<PayMethod, PayMethod | undefined, PayMethod>;
  easy_pay_provider: ColumnType<string | null, string | null | undefined, string | null>;
  /** The account issued for a VIRTUAL_ACCOUNT payment: {bank, accountNumber, dueAt}. */
  virtual_account: ColumnType<VirtualAccountInfo | null, string | null | undefined, string | null>;
  step: Generated<SagaStep>;
  failure_code: string | null;
  refund_amount: number | null;
  /** What has been refunded so far: the sum of reservation_refunds, kept by a trigger (migration 0110). */
  refunded_amount: ColumnType<number, never, never>;
  expires_at: Timestamp;
  last_checked_at: NullableTimestamp;
  confirmed_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  created_at: CreatedTimestamp;
  updated_at: CreatedTimestamp;
}

export interface ReservationSeatsTable {
  reservation_id: string;
  seat_id: string;
  showtime_id: string;
  /** What the seat was sold for: the ticket type's price. */
  price: number;
  /** The catalogue's ticket type at the time of the sale (migration 0042). */
  ticket_type: ColumnType<string, string | undefined, string>;
  ticket_type_name: ColumnType<string, string | undefined, string>;
  proof_required: ColumnType<boolean, boolean | undefined, boolean>;
  /** The grade's list price the type was priced from. */
  list_price: ColumnType<number | null, number | null | undefined, number | null>;
  released_at: NullableTimestamp;
}

export interface ReservationIdempotencyTable {
  user_id: string;
  idempotency_key: string;
  request_hash: string;
  reservation_id: string | null;
  response_status: number | null;
  response_body: unknown;
  created_at: CreatedTimestamp;
}

/** The account a buyer named for refunding a virtual-account payment (kept for the recovery job). */
export interface ReservationRefundAccountsTable {
  reservation_id: string;
  bank: string;
  number: string;
  holder: string;
  created_at: CreatedTimestamp;
}

export type RefundKind = 'BUYER' | 'ADMIN' | 'ISSUANCE_FAILURE';

/** One refund of a reservation (migration 0110); inserting one adds it to `refunded_amount`. */
export interface ReservationRefundsTable {
  id: Generated<string>;
  reservation_id: string;
  amount: number;
  kind: RefundKind;
  reason: string;
  actor_id: string | null;
  idempotency_key: string;
  status: ColumnType<'PENDING' | 'DONE', 'PENDING' | 'DONE' | undefined, 'DONE'>;
  created_at: CreatedTimestamp;
  completed_at: NullableTimestamp;
}

/** The timeline of a reservation: state changes (by trigger), webhooks and refunds (migration 0110). */
export interface ReservationHistoryTable {
  id: Generated<string>;
  reservation_id: string;
  kind: 'STATE' | 'WEBHOOK' | 'REFUND';
  status: string | null;
  step: string | null;
  payment_status: string | null;
  detail: ColumnType<unknown, string | null, never>;
  at: ColumnType<Date, Date | undefined, never>;
}

export type Reservation = Selectable<ReservationsTable>;
export type ReservationRefund = Selectable<ReservationRefundsTable>;

declare module '../../infra/db.ts' {
  interface Database {
    reservations: ReservationsTable;
    reservation_seats: ReservationSeatsTable;
    reservation_idempotency: ReservationIdempotencyTable;
    reservation_refund_accounts: ReservationRefundAccountsTable;
    reservation_refunds: ReservationRefundsTable;
    reservation_history: ReservationHistoryTable;
  }
}
