import { ApiError, buildPath, getAccessToken, refreshSession, type Problem } from '../api/client.ts';

export interface SseEvent {
  event: string;
  data: string;
}

/**
 * Reads a Server-Sent Events stream with fetch, because EventSource cannot send the Authorization
 * header. Resolves when the stream ends; rejects on HTTP or network errors so the caller can fall
 * back to polling. A stream opened by a POST (the assistant's answer) passes `post` with its JSON
 * body; a refusal that comes as a problem document rejects with its ApiError.
 */
export async function readEventStream(
  path: string,
  onEvent: (event: SseEvent) => void,
  signal: AbortSignal,
  post?: { body: unknown },
): Promise<void> {
  const open = (): Promise<Response> =>
    fetch(buildPath(path), {
      method: post ? 'POST' : 'GET',
      headers: {
        accept: 'text/event-stream',
        authorization: `Bearer ${getAccessToken() ?? ''}`,
        ...(post ? { 'content-type': 'application/json' } : {}),
      },
      ...(post ? { body: JSON.stringify(post.body) } : {}),
      credentials: 'include',
      signal,
    });
  let res = await open();
  if (res.status === 401 && (await refreshSession())) res = await open();
  if (!res.ok && (res.headers.get('content-type') ?? '').includes('problem+json')) {
    throw new ApiError((await res.json()) as Problem);
  }
  if (!res.ok || !res.body) throw new Error(`stream failed: ${res.status}`);

  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replaceAll('\r\n', '\n');
    let boundary = buffer.indexOf('\n\n');
    while (boundary >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      boundary = buffer.indexOf('\n\n');
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue; // keep-alive comment
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = text;
        else if (field === 'data') data.push(text);
      }
      if (data.length > 0) onEvent({ event, data: data.join('\n') });
    }
  }
}
