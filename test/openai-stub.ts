import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small OpenAI-compatible chat-completions server for tests and the e2e stack: POST
 * /v1/chat/completions answers with JSON or, for `stream: true`, with SSE chunks (`choices[0].delta`
 * content pieces and `tool_calls` deltas, a usage chunk, then `data: [DONE]`). Each test scripts the
 * answers as a queue; every request it received is recorded. With the queue empty it answers a short
 * text, or, given `respond`, whatever that function makes of the request (the e2e stack's "model").
 */

export interface StubToolCall {
  name: string;
  arguments: string | Record<string, unknown>;
  id?: string;
}

export type StubReply =
  /** A text answer, streamed in these pieces (a string is split into a few pieces). */
  | { text: string | string[]; usage?: number }
  /** Tool calls (and optional text before them). */
  | { toolCalls: StubToolCall[]; text?: string; usage?: number }
  /** An HTTP error. */
  | { status: number; body?: string }
  /** Accepts the request and never answers. */
  | { hang: true }
  /** Streams these pieces, then goes silent without ending the stream. */
  | { stallAfter: string[] };

export interface RecordedRequest {
  model: string;
  messages: Array<{
    role: string;
    content: string | null;
    tool_calls?: Array<{ id: string; type: string; function: { name: string; arguments: string } }>;
    tool_call_id?: string;
  }>;
  tools?: Array<{ type: string; function: { name: string; description?: string; parameters: unknown } }>;
  tool_choice?: unknown;
  stream?: boolean;
  authorization?: string;
}

export interface OpenAiStub {
  url: string;
  /** The base URL to configure (AI_BASE_URL). */
  baseURL: string;
  requests: RecordedRequest[];
  enqueue: (...replies: StubReply[]) => void;
  /** Replies still queued. */
  pending: () => number;
  reset: () => void;
  close: () => Promise<void>;
}

const splitText = (text: string): string[] => {
  if (text.length < 4) return [text];
  const size = Math.ceil(text.length / 4);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
};

export async function startOpenAiStub(
  options: { respond?: (request: RecordedRequest) => StubReply; pieceDelayMs?: number } = {},
): Promise<OpenAiStub> {
  const queue: StubReply[] = [];
  const requests: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  let counter = 0;

  const server: Server = createServer((req, res) => void handle(req, res));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
      return;
    }
    let body: RecordedRequest;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString()) as RecordedRequest;
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"message":"bad json"}}');
      return;
    }
    body.authorization = req.headers.authorization;
    requests.push(body);
    const reply = queue.shift() ?? options.respond?.(body) ?? { text: '네, 무엇을 도와드릴까요?' };
    const id = `chatcmpl-stub-${++counter}`;

    if ('status' in reply) {
      res
        .writeHead(reply.status, { 'content-type': 'application/json' })
        .end(reply.body ?? JSON.stringify({ error: { message: 'stub failure', type: 'server_error' } }));
      return;
    }
    if ('hang' in reply) {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    const pieces =
      'stallAfter' in reply
        ? reply.stallAfter
        : typeof reply.text === 'string'
          ? splitText(reply.text)
          : (reply.text ?? []);
    const toolCalls = 'toolCalls' in reply ? reply.toolCalls : [];
    const calls = toolCalls.map((c, i) => ({
      id: c.id ?? `call_${counter}_${i}`,
      name: c.name,
      arguments: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments),
    }));
    const usage = 'usage' in reply && reply.usage !== undefined ? reply.usage : 100;

    if (!body.stream) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [
            {
              index: 0,
              finish_reason: calls.length ? 'tool_calls' : 'stop',
              message: {
                role: 'assistant',
                content: pieces.join('') || null,
                ...(calls.length
                  ? {
                      tool_calls: calls.map((c) => ({
                        id: c.id,
                        type: 'function',
                        function: { name: c.name, arguments: c.arguments },
                      })),
                    }
                  : {}),
              },
            },
          ],
          usage: { prompt_tokens: usage - 10, completion_tokens: 10, total_tokens: usage },
        }),
      );
      return;
    }

    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const send = (chunk: unknown) => res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    const base = {
      id,
      object: 'chat.completion.chunk',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
    };
    const pause = () => new Promise((r) => setTimeout(r, options.pieceDelayMs ?? 5));
    send({
      ...base,
      choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
    });
    for (const piece of pieces) {
      await pause();
      send({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
    }
    if ('stallAfter' in reply) {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    calls.forEach((c, index) => {
      // The name and id first, then the arguments in two pieces, as real servers stream them.
      send({
        ...base,
        choices: [
          {
            index: 0,
            delta: {
              tool_calls: [{ index, id: c.id, type: 'function', function: { name: c.name, arguments: '' } }],
            },
            finish_reason: null,
          },
        ],
      });
      const half = Math.ceil(c.arguments.length / 2);
      for (const part of [c.arguments.slice(0, half), c.arguments.slice(half)]) {
        if (!part) continue;
        send({
          ...base,
          choices: [
            {
              index: 0,
              delta: { tool_calls: [{ index, function: { arguments: part } }] },
              finish_reason: null,
            },
          ],
        });
      }
    });
    send({
      ...base,
      choices: [{ index: 0, delta: {}, finish_reason: calls.length ? 'tool_calls' : 'stop' }],
    });
    send({
      ...base,
      choices: [],
      usage: { prompt_tokens: usage - 10, completion_tokens: 10, total_tokens: usage },
    });
    res.end('data: [DONE]\n\n');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseURL: `${url}/v1`,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    pending: () => queue.length,
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
