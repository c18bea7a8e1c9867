import type { AddressInfo } from 'node:net';
import type { App } from '../src/app.ts';
import type { TestUser } from './factories.ts';
import type { OpenAiStub } from './openai-stub.ts';
import { readEvents, type SseEvent } from './sse.ts';

/** Environment that points the assistant at a stub model server. */
export const assistantEnv = (
  stub: OpenAiStub,
  extra: Record<string, string> = {},
): Record<string, string> => ({
  AI_BASE_URL: stub.baseURL,
  AI_API_KEY: 'sk-test-stub',
  AI_MODEL: 'stub-model',
  AI_TIMEOUT_MS: '1500',
  AI_MAX_RETRIES: '0',
  ...extra,
});

export interface Answer {
  status: number;
  contentType: string;
  events: SseEvent[];
  /** The problem document when the answer was not a stream. */
  problem?: { code: string; retryAfterSeconds?: number; [k: string]: unknown };
  retryAfter: string | null;
  text: string;
  done?: {
    conversationId: string;
    cards: Array<{ kind: string; link: string; title: string; performanceId?: string; showtimeId?: string }>;
  };
  error?: { code: string; conversationId?: string };
}

/** Listens on port 0 (real HTTP, so the stream arrives piece by piece) and returns the API base URL. */
export async function listen(app: App): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;
}

/** Asks the assistant over HTTP and reads the whole answer (the stream ends after done or error). */
export async function ask(
  base: string,
  user: TestUser,
  body: { text: string; conversationId?: string },
): Promise<Answer> {
  const res = await fetch(`${base}/assistant/messages`, {
    method: 'POST',
    headers: { ...user.headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const contentType = res.headers.get('content-type') ?? '';
  const out: Answer = {
    status: res.status,
    contentType,
    events: [],
    retryAfter: res.headers.get('retry-after'),
    text: '',
  };
  if (!contentType.includes('text/event-stream')) {
    out.problem = (await res.json()) as Answer['problem'];
    return out;
  }
  for await (const e of readEvents(res.body!)) {
    out.events.push(e);
    const data = JSON.parse(e.data) as Record<string, unknown>;
    if (e.event === 'delta') out.text += data.text as string;
    if (e.event === 'done') out.done = data as Answer['done'];
    if (e.event === 'error') out.error = data as Answer['error'];
  }
  return out;
}
