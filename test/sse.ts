import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { App } from '../src/app.ts';

export interface SseEvent {
  event: string;
  data: string;
}

/** Reads an SSE response body into events (comment lines and retry hints are skipped). */
export async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split('\n').filter((l) => !l.startsWith(':'));
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
      const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
      if (event && data !== undefined) yield { event, data };
    }
  }
}

/** Whether a route's schema answers with an event stream. */
export const isStreamingSchema = (schema: unknown): boolean =>
  JSON.stringify((schema as { response?: unknown } | undefined)?.response ?? {}).includes(
    'text/event-stream',
  );

/**
 * inject() for a route that may answer with an event stream, which never ends by itself: a stream is
 * closed as soon as its head arrives (the route frees what it holds) and comes back with an empty
 * body; any other answer is read whole, as inject() would.
 */
export async function injectMaybeStream(app: App, options: InjectOptions): Promise<LightMyRequestResponse> {
  const res = await app.inject({ ...options, payloadAsStream: true });
  const streaming = String(res.headers['content-type'] ?? '').includes('text/event-stream');
  const chunks: Buffer[] = [];
  if (streaming) {
    (res.raw.res as ServerResponse).destroy();
  } else {
    for await (const chunk of res.stream()) chunks.push(Buffer.from(chunk as Buffer));
  }
  const body = Buffer.concat(chunks).toString();
  return {
    ...res,
    body,
    payload: body,
    rawPayload: Buffer.from(body),
    json: () => JSON.parse(body) as unknown,
  } as unknown as LightMyRequestResponse;
}
