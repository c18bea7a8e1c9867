import type { Infra } from '../../container.ts';
import type { StreamLimiter } from '../../infra/stream-limiter.ts';
import type { Tx } from '../../infra/db.ts';
import { AssistantLimits } from './assistant.limits.ts';
import { AssistantRepository } from './assistant.repository.ts';
import { assistantRoutes } from './assistant.routes.ts';
import { AssistantService } from './assistant.service.ts';
import { OpenAiChatModel, type ChatModel } from './model.ts';
import type { AssistantBookings, AssistantCatalog, AssistantTickets } from './ports.ts';
import { buildTools } from './tools.ts';
import './assistant.tables.ts';

export type { AssistantBookings, AssistantCatalog, AssistantTickets } from './ports.ts';

/** The model the configuration names, or undefined (the assistant is off): AI_MODEL with a server or key. */
export function modelFromConfig(config: Infra['config']): ChatModel | undefined {
  if (!config.AI_MODEL || (!config.AI_BASE_URL && !config.AI_API_KEY)) return undefined;
  return new OpenAiChatModel({
    baseURL: config.AI_BASE_URL,
    apiKey: config.AI_API_KEY,
    model: config.AI_MODEL,
    timeoutMs: config.AI_TIMEOUT_MS,
    maxRetries: config.AI_MAX_RETRIES,
    maxOutputTokens: config.AI_MAX_OUTPUT_TOKENS,
  });
}

/** The AI assistant: tools over our services (ports), an OpenAI-compatible model, stored conversations. */
export function createAssistantModule(
  infra: Pick<Infra, 'config' | 'db' | 'redis' | 'clock' | 'log' | 'tokens'>,
  ports: {
    catalog: AssistantCatalog;
    bookings: AssistantBookings;
    tickets: AssistantTickets;
    streams: StreamLimiter;
    /** Replaces the configured model (tests). */
    model?: ChatModel;
  },
) {
  const { config } = infra;
  const repo = new AssistantRepository();
  const service = new AssistantService({
    db: infra.db,
    repo,
    limits: new AssistantLimits(infra.redis, {
      dailyMessages: config.AI_DAILY_MESSAGES_PER_USER,
      tokensPerMinute: config.AI_TOKENS_PER_MINUTE,
    }),
    model: ports.model ?? modelFromConfig(config),
    tools: buildTools(ports),
    clock: infra.clock,
    log: infra.log,
    settings: {
      maxToolRounds: config.AI_MAX_TOOL_ROUNDS,
      historyMessages: config.AI_HISTORY_MESSAGES,
      maxOutputTokens: config.AI_MAX_OUTPUT_TOKENS,
      dailyMessages: config.AI_DAILY_MESSAGES_PER_USER,
    },
  });
  return {
    service,
    /** What withdrawal erases: the user's conversations. */
    personalRecords: { eraseUser: (tx: Tx, userId: string) => repo.eraseUser(tx, userId) },
    routes: assistantRoutes({
      service,
      streams: ports.streams,
      tokens: infra.tokens,
      options: { heartbeatMs: 15_000 },
    }),
  };
}
