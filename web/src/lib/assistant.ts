import { ApiError } from '../api/client.ts';
import type { AssistantCard } from '../api/types.ts';
import { readEventStream } from './sse.ts';

export interface AnswerHandlers {
  onDelta: (text: string) => void;
  onDone: (data: { conversationId: string; cards: AssistantCard[] }) => void;
  /** A failure after the answer began (ASSISTANT_TIMEOUT, ASSISTANT_UNAVAILABLE, ASSISTANT_BUSY…). */
  onError: (data: { code: string; conversationId?: string }) => void;
}

/**
 * Asks the assistant (POST /assistant/messages) and reads its answer as it streams. A refusal before
 * the answer starts (503, 429, 404…) rejects with its ApiError; so does a stream that ends early.
 */
export async function askAssistant(
  body: { text: string; conversationId?: string },
  handlers: AnswerHandlers,
  signal: AbortSignal,
): Promise<void> {
  let ended = false;
  await readEventStream(
    '/assistant/messages',
    (e) => {
      const data = JSON.parse(e.data) as Record<string, unknown>;
      if (e.event === 'delta' && typeof data.text === 'string') handlers.onDelta(data.text);
      else if (e.event === 'done') {
        ended = true;
        handlers.onDone(data as { conversationId: string; cards: AssistantCard[] });
      } else if (e.event === 'error') {
        ended = true;
        handlers.onError(data as { code: string; conversationId?: string });
      }
    },
    signal,
    { body },
  );
  if (!ended) throw new ApiError({ status: 503, code: 'ASSISTANT_UNAVAILABLE' });
}
