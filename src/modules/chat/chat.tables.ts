import type { ColumnType, Generated } from 'kysely';

export interface ChatRoomsTable {
  performance_id: string;
  last_seq: ColumnType<string, number | string, number | string>;
}

export interface ChatMessagesTable {
  /** bigserial: pg returns it as text. */
  id: Generated<string>;
  performance_id: string;
  seq: ColumnType<string, number | string, never>;
  author_id: string;
  client_id: string;
  text: string;
  image_url: string | null;
  created_at: ColumnType<Date, Date, never>;
  deleted_at: Date | null;
  deleted_by: string | null;
}

export interface ChatMembersTable {
  performance_id: string;
  user_id: string;
  joined_at: ColumnType<Date, Date, never>;
  last_seen_at: Date;
  notified_at: Date | null;
}

export interface ChatMutesTable {
  performance_id: string;
  user_id: string;
  until: Date;
  muted_by: string;
  created_at: Date;
}

export interface ChatReportsTable {
  message_id: ColumnType<string, number | string, never>;
  reporter_id: string;
  created_at: ColumnType<Date, Date, never>;
}

declare module '../../infra/db.ts' {
  interface Database {
    chat_rooms: ChatRoomsTable;
    chat_messages: ChatMessagesTable;
    chat_members: ChatMembersTable;
    chat_mutes: ChatMutesTable;
    chat_reports: ChatReportsTable;
  }
}
