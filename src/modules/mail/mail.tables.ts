import type { ColumnType, Generated } from 'kysely';

export type MailStatus = 'pending' | 'sent' | 'failed' | 'no_recipient' | 'capped' | 'withdrawn';

/**
 * Mail waiting to be rendered and sent by the worker (migration 0012). `to_address` is null when the
 * request had nobody to write to (an unknown address): the row is written all the same, so a request
 * does the same work whoever it names. `data` (which may hold a reset link) is cleared once the row
 * is finished.
 */
export interface MailQueueTable {
  id: Generated<string>;
  template: string;
  lang: 'ko' | 'en';
  to_address: string | null;
  data: unknown;
  status: Generated<MailStatus>;
  attempts: Generated<number>;
  next_attempt_at: Date;
  last_error: string | null;
  created_at: ColumnType<Date, never, never>;
  finished_at: Date | null;
  /** Whose notification mail this is, and its category (migration 0090); null for account mail. */
  user_id: ColumnType<string | null, string | null | undefined, never>;
  category: ColumnType<string | null, string | null | undefined, never>;
  /** When a failed notification mail was queued once more (migration 0092); never twice. */
  resent_at: ColumnType<Date | null, never, Date | null>;
}

declare module '../../infra/db.ts' {
  interface Database {
    mail_queue: MailQueueTable;
  }
}
