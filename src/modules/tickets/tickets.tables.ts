import type { Generated } from 'kysely';

export type TicketStatus = 'ISSUED' | 'USED' | 'REVOKED';

export interface TicketsTable {
  id: Generated<string>;
  reservation_id: string;
  user_id: string;
  performance_id: string;
  showtime_id: string;
  seat_id: string;
  section: string;
  row_label: string;
  number: number;
  grade: string;
  price: number;
  status: Generated<TicketStatus>;
  code: string;
  issued_at: Generated<Date>;
  used_at: Date | null;
  used_by: string | null;
  revoked_at: Date | null;
  booking_number: string | null;
  ticket_type_code: string | null;
  ticket_type_name: string | null;
  proof_required: Generated<boolean>;
}

export interface TicketRevocationsTable {
  reservation_id: string;
  event_id: string;
  revoked_at: Generated<Date>;
}

export interface IssuanceFailuresTable {
  id: Generated<string>;
  message_id: string;
  reservation_id: string | null;
  reason: string;
  attempts: number;
  payload: unknown;
  failed_at: Generated<Date>;
}

declare module '../../infra/db.ts' {
  interface Database {
    tickets: TicketsTable;
    ticket_revocations: TicketRevocationsTable;
    issuance_failures: IssuanceFailuresTable;
  }
}
