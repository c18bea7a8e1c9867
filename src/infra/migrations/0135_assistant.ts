import { sql, type Kysely } from 'kysely';

/**
 * The AI assistant's conversations (docs/assistant.md): one row per conversation, owned by one user,
 * and its messages in order. A message is what the chat-completions protocol exchanges: the user's
 * question, the assistant's answer or its tool calls, and each tool result (bound to the call it
 * answers), so a conversation can be continued with the facts it already found. `seq` orders the
 * messages of a conversation; (conversation, seq) is unique, so two writers cannot interleave one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE assistant_conversations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX assistant_conversations_user ON assistant_conversations (user_id, updated_at DESC)`.execute(
    db,
  );
  await sql`
    CREATE TABLE assistant_messages (
      conversation_id uuid NOT NULL REFERENCES assistant_conversations (id) ON DELETE CASCADE,
      seq integer NOT NULL CHECK (seq >= 1),
      role text NOT NULL CHECK (role IN ('user', 'assistant', 'tool')),
      content text NOT NULL DEFAULT '',
      tool_calls jsonb,
      tool_call_id text,
      tool_name text,
      cards jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (conversation_id, seq),
      CHECK ((role = 'tool') = (tool_call_id IS NOT NULL)),
      CHECK (tool_calls IS NULL OR role = 'assistant'),
      CHECK (cards IS NULL OR role = 'assistant')
    )`.execute(db);
}
