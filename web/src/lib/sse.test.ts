import { afterEach, describe, expect, it, vi } from 'vitest';
import { readEventStream, type SseEvent } from './sse.ts';

/** A response whose body arrives in the given pieces, as a proxy may split it. */
function streamOf(pieces: string[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(new TextEncoder().encode(piece));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

describe('readEventStream', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('parses named events split across chunks, skipping keep-alive comments', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        streamOf([
          ': keep-alive\n\n',
          'event: position\ndata: {"position":3,',
          '"ahead":2}\n\nevent: posi',
          'tion\r\ndata: {"position":1,"ahead":0}\r\n\r\n',
          'event: admitted\ndata: {"admissionToken":"t"}\n\n',
        ]),
      ),
    );
    const events: SseEvent[] = [];
    await readEventStream('/showtimes/s/queue/stream', (e) => events.push(e), new AbortController().signal);
    expect(events).toEqual([
      { event: 'position', data: '{"position":3,"ahead":2}' },
      { event: 'position', data: '{"position":1,"ahead":0}' },
      { event: 'admitted', data: '{"admissionToken":"t"}' },
    ]);
  });

  it('rejects when the stream cannot be opened, so the page can poll instead', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('nope', { status: 503 })),
    );
    await expect(readEventStream('/x', () => undefined, new AbortController().signal)).rejects.toThrow('503');
  });
});
