import type { ColumnType, JSONColumnType } from 'kysely';

export interface AssistantConversationsTable {
  id: ColumnType<string, string | undefined, never>;
  user_id: string;
  title: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** A tool call as the chat-completions protocol names it. */
export interface StoredToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** A link the web app shows under an answer, derived by the server from this turn's tool results. */
export interface StoredCard {
  kind: 'performance' | 'showtime' | 'reservation';
  title: string;
  subtitle: string;
  link: string;
  performanceId?: string;
  showtimeId?: string;
  reservationId?: string;
}

export interface AssistantMessagesTable {
  conversation_id: string;
  seq: number;
  role: 'user' | 'assistant' | 'tool';
  content: string;
  tool_calls: JSONColumnType<StoredToolCall[] | null, string | null, string | null>;
  tool_call_id: string | null;
  tool_name: string | null;
  cards: JSONColumnType<StoredCard[] | null, string | null, string | null>;
  created_at: ColumnType<Date, Date | undefined, never>;
}

declare module '../../infra/db.ts' {
  interface Database {
    assistant_conversations: AssistantConversationsTable;
    assistant_messages: AssistantMessagesTable;
  }
}
