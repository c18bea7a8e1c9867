import { AppError, type ErrorCode } from '../../errors.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import type { Logger } from '../../infra/logger.ts';
import type { AssistantLimits } from './assistant.limits.ts';
import type { AssistantRepository, NewMessage, StoredMessage } from './assistant.repository.ts';
import type { StoredCard, StoredToolCall } from './assistant.tables.ts';
import { ModelError, type ChatModel, type ModelMessage, type ModelTool, type ModelTurn } from './model.ts';
import { systemPrompt } from './prompt.ts';
import { mergeCards, runTool, toolDefinitions, type Tools } from './tools.ts';

export interface AssistantSettings {
  maxToolRounds: number;
  historyMessages: number;
  maxOutputTokens: number;
  dailyMessages: number;
}

export interface AssistantDeps {
  db: Db;
  repo: AssistantRepository;
  limits: AssistantLimits;
  /** Absent when the assistant is not configured: every question is 503 ASSISTANT_UNAVAILABLE. */
  model: ChatModel | undefined;
  tools: Tools;
  clock: Clock;
  log: Logger;
  settings: AssistantSettings;
}

/** Where an answer goes (the SSE response). `open` is called once, when the model has begun to answer. */
export interface AnswerSink {
  open(): void;
  delta(text: string): void;
  done(data: { conversationId: string; cards: StoredCard[] }): void;
  error(data: { code: ErrorCode; message: string; conversationId: string }): void;
  /** True once the client has gone away. */
  readonly closed: boolean;
}

export interface ConversationView {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  messages: { role: 'user' | 'assistant'; text: string; cards: StoredCard[]; createdAt: string }[];
}

/** Rough tokens of a text: about one per two characters (Korean runs close to one per character). */
const estimateTokens = (chars: number): number => Math.ceil(chars / 2);

const toModelMessage = (m: StoredMessage | NewMessage): ModelMessage => {
  if (m.role === 'tool') return { role: 'tool', tool_call_id: m.toolCallId ?? '', content: m.content };
  if (m.role === 'assistant' && m.toolCalls && m.toolCalls.length > 0) {
    return {
      role: 'assistant',
      content: m.content || null,
      tool_calls: m.toolCalls.map((c) => ({
        id: c.id,
        type: 'function' as const,
        function: { name: c.name, arguments: c.arguments },
      })),
    };
  }
  return { role: m.role === 'assistant' ? 'assistant' : 'user', content: m.content };
};

/**
 * The assistant: a question goes to the model with the tools; each tool call runs against our services
 * as the caller (the user id comes from the request, never from the model); the answer streams back
 * as it comes; the facts found become cards. Rounds of tool calls are capped, the last call may not
 * call tools. Questions count against the user's daily limit and tokens against the service's
 * per-minute budget. Errors before the answer starts are problems (HTTP status); after, `error` events.
 */
export class AssistantService {
  private readonly toolList: ModelTool[];

  constructor(private readonly d: AssistantDeps) {
    this.toolList = toolDefinitions(d.tools);
  }

  get available(): boolean {
    return this.d.model !== undefined;
  }

  get dailyLimit(): number {
    return this.d.settings.dailyMessages;
  }

  async remainingToday(userId: string): Promise<number> {
    return this.d.limits.dailyLeft(userId, this.d.clock.nowMs());
  }

  async ask(
    userId: string,
    input: { conversationId?: string; text: string },
    sink: AnswerSink,
  ): Promise<void> {
    const { db, repo, limits, clock, settings } = this.d;
    const model = this.d.model;
    if (!model) throw new AppError('ASSISTANT_UNAVAILABLE', 'The assistant is not configured');
    const text = input.text.trim();
    if (!text) {
      throw new AppError('VALIDATION_FAILED', 'body.text is empty', {
        errors: [{ field: 'body.text', rule: 'minLength', message: 'must not be blank', limit: 1 }],
      });
    }
    const history: StoredMessage[] = [];
    if (input.conversationId) {
      if (!(await repo.conversationOf(db, input.conversationId, userId)))
        throw new AppError('CONVERSATION_NOT_FOUND');
      history.push(
        ...startAtQuestion(await repo.lastMessages(db, input.conversationId, settings.historyMessages)),
      );
    }

    const daily = await limits.takeDaily(userId, clock.nowMs());
    if (!daily.ok) {
      throw new AppError(
        'RATE_LIMITED',
        `At most ${settings.dailyMessages} questions a day`,
        { limit: 'daily', dailyLimit: settings.dailyMessages, retryAfterSeconds: daily.retryAfterSeconds },
        { 'retry-after': String(daily.retryAfterSeconds) },
      );
    }

    const messages: ModelMessage[] = [
      { role: 'system', content: systemPrompt(clock.nowMs()) },
      ...history.map(toModelMessage),
      { role: 'user', content: text },
    ];
    let first: ModelTurn;
    try {
      first = await this.call(model, messages, 'auto');
    } catch (err) {
      // Nothing was answered: the question is not counted against the user.
      await limits.giveBackDaily(userId, clock.nowMs()).catch(() => undefined);
      throw err;
    }

    // The model is answering: from here on, the conversation exists and failures are `error` events.
    const conversationId = await db.transaction().execute(async (tx) => {
      const id =
        input.conversationId ?? (await repo.createConversation(tx, userId, titleOf(text), clock.now()));
      await repo.lockConversation(tx, id);
      await repo.append(tx, id, [plain('user', text)], clock.now());
      return id;
    });
    sink.open();

    const turnMessages: NewMessage[] = [];
    const cards: StoredCard[] = [];
    let turn = first;
    for (let round = 1; ; round++) {
      let answer = '';
      try {
        for await (const piece of turn.text()) {
          if (sink.closed) {
            turn.abort();
            return;
          }
          answer += piece;
          sink.delta(piece);
        }
      } catch (err) {
        return this.fail(sink, conversationId, err);
      } finally {
        await this.settleTokens(turn, messages, answer);
      }
      const calls = turn.toolCalls.map<StoredToolCall>((c, i) => ({
        id: c.id || `call_${round}_${i}`,
        name: c.name,
        arguments: c.arguments,
      }));
      const mayCallTools = round <= settings.maxToolRounds;
      if (calls.length === 0 || !mayCallTools) {
        const final: NewMessage = { ...plain('assistant', answer), cards: mergeCards(cards) };
        turnMessages.push(final);
        await this.save(conversationId, turnMessages);
        sink.done({ conversationId, cards: final.cards! });
        return;
      }

      const step: NewMessage = { ...plain('assistant', answer), toolCalls: calls };
      turnMessages.push(step);
      messages.push(toModelMessage(step));
      for (const call of calls) {
        const outcome = await runTool(this.d.tools, call.name, call.arguments, { userId });
        if (outcome.error)
          this.d.log.info({ tool: call.name, result: outcome.result }, 'assistant tool error');
        cards.push(...outcome.cards);
        const result: NewMessage = {
          role: 'tool',
          content: JSON.stringify(outcome.result),
          toolCalls: null,
          toolCallId: call.id,
          toolName: call.name,
          cards: null,
        };
        turnMessages.push(result);
        messages.push(toModelMessage(result));
      }
      if (sink.closed) return;
      try {
        // After the last round of tools, the model must answer with what it found.
        turn = await this.call(model, messages, round < settings.maxToolRounds ? 'auto' : 'none');
      } catch (err) {
        // The question stays without an answer; the next question starts the history afresh from it.
        return this.fail(sink, conversationId, err);
      }
    }
  }

  async conversation(userId: string, id: string): Promise<ConversationView> {
    const c = await this.d.repo.conversationOf(this.d.db, id, userId);
    if (!c) throw new AppError('CONVERSATION_NOT_FOUND');
    const messages = await this.d.repo.lastMessages(this.d.db, id, 500);
    return {
      id: c.id,
      title: c.title,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      messages: messages
        .filter((m) => m.role === 'user' || (m.role === 'assistant' && !m.toolCalls?.length))
        .map((m) => ({
          role: m.role as 'user' | 'assistant',
          text: m.content,
          cards: m.cards ?? [],
          createdAt: m.createdAt.toISOString(),
        })),
    };
  }

  /** One model call, inside the service's token budget; errors become problems. */
  private async call(
    model: ChatModel,
    messages: ModelMessage[],
    toolChoice: 'auto' | 'none',
  ): Promise<ModelTurn> {
    const { limits, clock } = this.d;
    const estimate = this.promptEstimate(messages) + this.d.settings.maxOutputTokens;
    const budget = await limits.reserveTokens(estimate, clock.nowMs());
    if (!budget.ok) {
      throw new AppError(
        'ASSISTANT_BUSY',
        'The assistant has used its token budget for this minute',
        { retryAfterSeconds: budget.retryAfterSeconds },
        { 'retry-after': String(budget.retryAfterSeconds) },
      );
    }
    try {
      const turn = await model.start({ messages, tools: this.toolList, toolChoice });
      reserved.set(turn, estimate);
      return turn;
    } catch (err) {
      await limits.adjustTokens(-estimate, clock.nowMs()).catch(() => undefined);
      throw toAppError(err);
    }
  }

  /** Replaces a call's reserved estimate by the tokens the server reported (or a closer estimate). */
  private async settleTokens(turn: ModelTurn, messages: ModelMessage[], answer: string): Promise<void> {
    const estimate = reserved.get(turn);
    if (estimate === undefined) return;
    reserved.delete(turn);
    const used = turn.usage ?? this.promptEstimate(messages) + estimateTokens(answer.length);
    await this.d.limits.adjustTokens(used - estimate, this.d.clock.nowMs()).catch(() => undefined);
  }

  private promptEstimate(messages: ModelMessage[]): number {
    return estimateTokens(JSON.stringify(messages).length + JSON.stringify(this.toolList).length);
  }

  private async save(conversationId: string, messages: NewMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.d.db.transaction().execute(async (tx) => {
      await this.d.repo.lockConversation(tx, conversationId);
      await this.d.repo.append(tx, conversationId, messages, this.d.clock.now());
    });
  }

  private fail(sink: AnswerSink, conversationId: string, err: unknown): void {
    const problem = toAppError(err);
    this.d.log.warn({ code: problem.code, err: (err as Error).message }, 'assistant answer failed');
    if (!sink.closed) sink.error({ code: problem.code, message: problem.title, conversationId });
  }
}

/** Each model turn's reserved token estimate, until it is settled. */
const reserved = new WeakMap<ModelTurn, number>();

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ModelError) {
    return err.kind === 'timeout'
      ? new AppError('ASSISTANT_TIMEOUT', 'The model server is too slow to answer')
      : new AppError('ASSISTANT_UNAVAILABLE', 'The model server is not answering');
  }
  return new AppError('ASSISTANT_UNAVAILABLE');
}

function plain(role: 'user' | 'assistant', content: string): NewMessage {
  return { role, content, toolCalls: null, toolCallId: null, toolName: null, cards: null };
}

/** The history sent to the model starts at a question: a cut never leaves a tool result without its call. */
function startAtQuestion(messages: StoredMessage[]): StoredMessage[] {
  const first = messages.findIndex((m) => m.role === 'user');
  return first < 0 ? [] : messages.slice(first);
}

function titleOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
