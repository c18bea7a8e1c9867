import { sql } from 'kysely';
import type { DbOrTx } from '../../infra/db.ts';
import type { StoredCard, StoredToolCall } from './assistant.tables.ts';
import './assistant.tables.ts';

export interface StoredMessage {
  seq: number;
  role: 'user' | 'assistant' | 'tool';
  content: string;
  toolCalls: StoredToolCall[] | null;
  toolCallId: string | null;
  toolName: string | null;
  cards: StoredCard[] | null;
  createdAt: Date;
}

export type NewMessage = Omit<StoredMessage, 'seq' | 'createdAt'>;

/** All of the assistant's SQL; stateless, the connection first. */
export class AssistantRepository {
  async createConversation(db: DbOrTx, userId: string, title: string, at: Date): Promise<string> {
    const row = await db
      .insertInto('assistant_conversations')
      .values({ user_id: userId, title, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Withdrawal: the user's conversations go, and their messages with them (ON DELETE CASCADE). */
  async eraseUser(db: DbOrTx, userId: string): Promise<void> {
    await db.deleteFrom('assistant_conversations').where('user_id', '=', userId).execute();
  }

  /** The conversation when it belongs to this user; another user's is absent (a 404, never a 403). */
  async conversationOf(
    db: DbOrTx,
    id: string,
    userId: string,
  ): Promise<{ id: string; title: string; createdAt: Date; updatedAt: Date } | undefined> {
    const row = await db
      .selectFrom('assistant_conversations')
      .select(['id', 'title', 'created_at', 'updated_at'])
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row && { id: row.id, title: row.title, createdAt: row.created_at, updatedAt: row.updated_at };
  }

  /** Locks the conversation row until the transaction ends, so appends are numbered one after another. */
  async lockConversation(db: DbOrTx, id: string): Promise<void> {
    await db.selectFrom('assistant_conversations').select('id').where('id', '=', id).forUpdate().execute();
  }

  /** Appends messages after the last one (call under `lockConversation`). */
  async append(db: DbOrTx, conversationId: string, messages: NewMessage[], at: Date): Promise<void> {
    if (messages.length === 0) return;
    const last = await db
      .selectFrom('assistant_messages')
      .select(sql<number>`coalesce(max(seq), 0)`.as('seq'))
      .where('conversation_id', '=', conversationId)
      .executeTakeFirstOrThrow();
    const start = Number(last.seq);
    await db
      .insertInto('assistant_messages')
      .values(
        messages.map((m, i) => ({
          conversation_id: conversationId,
          seq: start + i + 1,
          role: m.role,
          content: m.content,
          tool_calls: m.toolCalls ? JSON.stringify(m.toolCalls) : null,
          tool_call_id: m.toolCallId,
          tool_name: m.toolName,
          cards: m.cards ? JSON.stringify(m.cards) : null,
          created_at: at,
        })),
      )
      .execute();
    await db
      .updateTable('assistant_conversations')
      .set({ updated_at: at })
      .where('id', '=', conversationId)
      .execute();
  }

  /** The last `limit` messages of a conversation, oldest first. */
  async lastMessages(db: DbOrTx, conversationId: string, limit: number): Promise<StoredMessage[]> {
    const rows = await db
      .selectFrom('assistant_messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute();
    return rows.reverse().map((r) => ({
      seq: r.seq,
      role: r.role,
      content: r.content,
      toolCalls: r.tool_calls,
      toolCallId: r.tool_call_id,
      toolName: r.tool_name,
      cards: r.cards,
      createdAt: r.created_at,
    }));
  }
}
