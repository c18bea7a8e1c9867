import type { Background, Infra } from '../../container.ts';
import type { ConsumerHandle } from '../../infra/broker.ts';
import { parseEvent } from '../events/event-schemas.ts';
import { KeywordAlertsRepository } from './keyword-alerts.repository.ts';
import { keywordAlertsRoutes } from './keyword-alerts.routes.ts';
import { KeywordAlertsService } from './keyword-alerts.service.ts';
import { KeywordMatcher } from './keyword-matcher.ts';
import type { KeywordMatchNotifier } from './ports.ts';
import './keyword-alerts.tables.ts';

export type { KeywordMatchNotifier } from './ports.ts';
export { KEYWORD_ALERT_LIMIT } from './keyword-alerts.service.ts';

/** Queue names (the broker prefixes them with AMQP_QUEUE_PREFIX); tests delete them afterwards. */
export const KEYWORD_ALERT_QUEUES = { match: 'keyword-alerts.match' } as const;

/**
 * Keyword alerts: a user's words (routes), and the worker's consumer of `performance.published`
 * that notifies each user whose word is in the new performance's title, cast or venue.
 */
export function createKeywordAlertsModule(
  infra: Pick<Infra, 'config' | 'db' | 'readDb' | 'readRouting' | 'clock' | 'broker' | 'log'>,
  ports: { notifier: KeywordMatchNotifier },
) {
  const repo = new KeywordAlertsRepository();
  const service = new KeywordAlertsService({
    db: infra.db,
    readRouting: infra.readRouting,
    repo,
    clock: infra.clock,
  });
  const matcher = new KeywordMatcher({
    db: infra.readDb,
    repo,
    notifier: ports.notifier,
    publicUrl: infra.config.PUBLIC_URL,
    log: infra.log,
  });
  const handles: ConsumerHandle[] = [];
  const consumers: Background = {
    name: 'keyword-alerts-consumers',
    start: async () => {
      handles.push(
        await infra.broker.consume({
          queue: KEYWORD_ALERT_QUEUES.match,
          bindings: ['performance.published'],
          prefetch: 1,
          handler: async (body) => {
            await matcher.onPublished(parseEvent('performance.published', body));
          },
        }),
      );
    },
    stop: async () => {
      for (const handle of handles.splice(0)) await handle.cancel();
    },
  };
  return { service, matcher, routes: keywordAlertsRoutes({ service }), consumers };
}

export type KeywordAlertsModule = ReturnType<typeof createKeywordAlertsModule>;
