import type { Infra } from '../../container.ts';
import type { AuditPort } from '../../infra/audit.ts';
import type { ContentScreen } from '../../infra/content-screen.ts';
import { BannedWordsCache } from './banned-words-cache.ts';
import { ModerationRepository } from './moderation.repository.ts';
import { moderationRoutes } from './moderation.routes.ts';
import { ModerationService } from './moderation.service.ts';
import './moderation.tables.ts';

export { compactForm, compileMatcher, normalizeText } from './banned-words.ts';
export { BANNED_WORDS_VERSION_KEY, RELOAD_WITHOUT_REDIS_MS } from './banned-words-cache.ts';

/**
 * Moderation: the banned-words list an admin edits (금칙어) and the ContentScreen that applies it
 * on write. Built before every module that takes text users write for others (inquiries, reviews,
 * chat), which receive `screen` as their ContentScreen port.
 */
export function createModerationModule(
  infra: Pick<Infra, 'config' | 'db' | 'redis' | 'log' | 'clock'>,
  ports: { audit: AuditPort },
) {
  const repo = new ModerationRepository();
  const cache = new BannedWordsCache({
    load: () => repo.words(infra.db),
    redis: infra.redis,
    log: infra.log,
    checkMs: infra.config.BANNED_WORDS_CHECK_MS,
  });
  const service = new ModerationService({
    db: infra.db,
    repo,
    cache,
    audit: ports.audit,
    clock: infra.clock,
  });
  const screen: ContentScreen = cache;
  return { screen, cache, service, routes: moderationRoutes({ service }) };
}

export type ModerationModule = ReturnType<typeof createModerationModule>;
