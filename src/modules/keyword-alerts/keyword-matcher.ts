import type { DbOrTx } from '../../infra/db.ts';
import type { Logger } from '../../infra/logger.ts';
import type { ParsedEvent } from '../events/event-schemas.ts';
import type { NewNotification } from '../notifications/index.ts';
import type { KeywordAlertsRepository } from './keyword-alerts.repository.ts';
import { substringsOf } from './keywords.ts';
import type { KeywordMatchNotifier } from './ports.ts';

/**
 * On `performance.published`: every user with a keyword found in the title, a cast name or the
 * venue name gets one KEYWORD_MATCH notification for the performance. Users are paged by id, one
 * notifier batch per page; the dedupe key `KEYWORD_MATCH:<performanceId>` makes several matching
 * keywords, a redelivered event, a re-publication or a page retried after a crash send nothing twice.
 */
export class KeywordMatcher {
  constructor(
    private readonly d: {
      /** Lag-tolerant reads are fine: an alert added a moment ago may miss this publication. */
      db: DbOrTx;
      repo: KeywordAlertsRepository;
      notifier: KeywordMatchNotifier;
      publicUrl: string;
      log: Logger;
      batchSize?: number;
    },
  ) {}

  /** Returns how many users were newly notified. */
  async onPublished(event: ParsedEvent<'performance.published'>): Promise<number> {
    const { db, repo, notifier, log } = this.d;
    const p = event.data;
    const candidates = substringsOf([p.title, ...p.cast, p.venueName]);
    const size = this.d.batchSize ?? 500;
    let after: string | null = null;
    let notified = 0;
    let matched = 0;
    for (;;) {
      const page = await repo.matchingUsers(db, candidates, after, size);
      if (page.length === 0) break;
      matched += page.length;
      notified += await notifier.deliver(page.map((m) => this.notice(p, m.userId, m.keyword)));
      if (page.length < size) break;
      after = page[page.length - 1]!.userId;
    }
    log.info({ performanceId: p.performanceId, matched, notified }, 'keyword alerts matched');
    return notified;
  }

  private notice(
    p: ParsedEvent<'performance.published'>['data'],
    userId: string,
    keyword: string,
  ): NewNotification {
    const link = `/performances/${p.performanceId}`;
    return {
      userId,
      type: 'KEYWORD_MATCH',
      dedupeKey: `KEYWORD_MATCH:${p.performanceId}`,
      title: `'${keyword}' 키워드 공연이 올라왔어요`,
      body: `${p.title} · ${p.venueName}`,
      link,
      mail: {
        template: 'keyword-match',
        data: {
          keyword,
          performanceTitle: p.title,
          salesOpenAt: p.salesOpenAt,
          link: `${this.d.publicUrl.replace(/\/$/, '')}${link}`,
        },
      },
    };
  }
}
