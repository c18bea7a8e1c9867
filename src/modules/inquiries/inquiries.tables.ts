import type { ColumnType, Generated } from 'kysely';

export const INQUIRY_CATEGORIES = ['BOOKING', 'PAYMENT', 'CANCEL', 'TICKET', 'ACCOUNT', 'OTHER'] as const;
export type InquiryCategory = (typeof INQUIRY_CATEGORIES)[number];
export const INQUIRY_STATUSES = ['OPEN', 'ANSWERED', 'CLOSED'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

/** A buyer's 1:1 inquiry (migration 0126); CHECKs hold the status rules. */
export interface InquiriesTable {
  id: Generated<string>;
  user_id: string;
  category: InquiryCategory;
  title: string;
  status: InquiryStatus;
  reservation_id: string | null;
  /** The linked reservation's booking number, kept when the inquiry is opened. */
  booking_number: string | null;
  message_count: Generated<number>;
  created_at: ColumnType<Date, Date, never>;
  updated_at: Date;
  /** Since when the buyer waits for an answer (set while OPEN). */
  waiting_since: Date | null;
  last_answer_at: Date | null;
  buyer_read_at: Date | null;
  closed_at: Date | null;
}

export interface InquiryMessagesTable {
  id: Generated<string>;
  /** Order of the thread: messages are added under the inquiry's row lock. */
  seq: Generated<string>;
  inquiry_id: string;
  author_id: string;
  staff: boolean;
  body: string;
  created_at: ColumnType<Date, Date, never>;
}

declare module '../../infra/db.ts' {
  interface Database {
    inquiries: InquiriesTable;
    inquiry_messages: InquiryMessagesTable;
  }
}
