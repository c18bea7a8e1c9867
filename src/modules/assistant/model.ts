import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type {
  ChatCompletionChunk,
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';

export type ModelMessage = ChatCompletionMessageParam;
export type ModelTool = ChatCompletionTool;

export interface ToolCallRequest {
  id: string;
  name: string;
  arguments: string;
}

export interface ModelRequest {
  messages: ModelMessage[];
  tools: ModelTool[];
  /** 'none' on the last round: the model must answer with what it has. */
  toolChoice: 'auto' | 'none';
}

/** Why a model call failed: the server is down or refused (`unavailable`), or it was too slow. */
export class ModelError extends Error {
  constructor(
    readonly kind: 'unavailable' | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}

/** One streamed model answer: text pieces while it lasts, then its tool calls and token usage. */
export interface ModelTurn {
  /** The answer's text pieces as they arrive; throws ModelError when the server stalls or drops. */
  text(): AsyncGenerator<string>;
  /** Complete after `text()` has finished. */
  readonly toolCalls: ToolCallRequest[];
  /** Tokens the server reported (prompt + answer), when it did. */
  readonly usage: number | undefined;
  /** Stops reading (the client went away). */
  abort(): void;
}

/** The port to a chat-completions model. `start` resolves once the server has begun to answer. */
export interface ChatModel {
  start(request: ModelRequest): Promise<ModelTurn>;
}

export interface OpenAiModelOptions {
  baseURL: string | undefined;
  apiKey: string | undefined;
  model: string;
  /** Until the answer starts (per attempt), and the longest silence between streamed pieces. */
  timeoutMs: number;
  maxRetries: number;
  maxOutputTokens: number;
}

/**
 * The ChatModel over any OpenAI-compatible server, with the official `openai` client: OpenAI itself,
 * Ollama (`/v1`), vLLM, LM Studio… Retries (the client's own, with backoff) happen only before an
 * answer starts; a stream that stalls longer than the timeout is aborted.
 */
export class OpenAiChatModel implements ChatModel {
  private readonly client: OpenAI;

  constructor(private readonly o: OpenAiModelOptions) {
    this.client = new OpenAI({
      baseURL: o.baseURL,
      // Ollama and vLLM need no key, but the client insists on one.
      apiKey: o.apiKey ?? 'unused',
      timeout: o.timeoutMs,
      maxRetries: o.maxRetries,
    });
  }

  async start(request: ModelRequest): Promise<ModelTurn> {
    const controller = new AbortController();
    let stream: AsyncIterable<ChatCompletionChunk>;
    try {
      stream = await this.client.chat.completions.create(
        {
          model: this.o.model,
          messages: request.messages,
          ...(request.tools.length > 0 ? { tools: request.tools, tool_choice: request.toolChoice } : {}),
          max_tokens: this.o.maxOutputTokens,
          temperature: 0.2,
          stream: true,
          stream_options: { include_usage: true },
        },
        { signal: controller.signal },
      );
    } catch (err) {
      throw toModelError(err);
    }
    return new StreamedTurn(stream, controller, this.o.timeoutMs);
  }
}

class StreamedTurn implements ModelTurn {
  private readonly calls = new Map<number, ToolCallRequest>();
  usage: number | undefined;

  constructor(
    private readonly stream: AsyncIterable<ChatCompletionChunk>,
    private readonly controller: AbortController,
    private readonly idleMs: number,
  ) {}

  get toolCalls(): ToolCallRequest[] {
    return [...this.calls.entries()].sort(([a], [b]) => a - b).map(([, c]) => c);
  }

  abort(): void {
    this.controller.abort();
  }

  async *text(): AsyncGenerator<string> {
    const iterator = this.stream[Symbol.asyncIterator]();
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          this.controller.abort();
          reject(new ModelError('timeout', `no answer from the model for ${this.idleMs} ms`));
        }, this.idleMs);
      });
      let next: IteratorResult<ChatCompletionChunk>;
      try {
        next = await Promise.race([iterator.next(), stalled]);
      } catch (err) {
        throw toModelError(err);
      } finally {
        clearTimeout(timer);
      }
      if (next.done) return;
      const chunk = next.value;
      if (chunk.usage) this.usage = chunk.usage.total_tokens;
      const delta = chunk.choices?.[0]?.delta;
      if (!delta) continue;
      for (const call of delta.tool_calls ?? []) {
        const index = call.index ?? 0;
        const known = this.calls.get(index) ?? { id: '', name: '', arguments: '' };
        if (call.id) known.id = call.id;
        if (call.function?.name) known.name += call.function.name;
        if (call.function?.arguments) known.arguments += call.function.arguments;
        this.calls.set(index, known);
      }
      if (typeof delta.content === 'string' && delta.content.length > 0) yield delta.content;
    }
  }
}

function toModelError(err: unknown): ModelError {
  if (err instanceof ModelError) return err;
  if (err instanceof APIConnectionTimeoutError)
    return new ModelError('timeout', 'the model server timed out');
  if (err instanceof APIUserAbortError) return new ModelError('timeout', 'the model call was aborted');
  if (err instanceof APIError) {
    return new ModelError('unavailable', `the model server answered ${err.status ?? 'nothing'}`);
  }
  return new ModelError('unavailable', (err as Error)?.message ?? 'the model server failed');
}
