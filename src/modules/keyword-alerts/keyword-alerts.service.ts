import { AppError, fieldError } from '../../errors.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import type { ReadRouting } from '../../infra/read-routing.ts';
import type { KeywordAlertRow, KeywordAlertsRepository } from './keyword-alerts.repository.ts';
import { displayKeyword, KEYWORD_MAX_LENGTH, normalizeKeyword } from './keywords.ts';

/** How many keywords one user may keep. */
export const KEYWORD_ALERT_LIMIT = 20;

export interface KeywordAlertView {
  id: string;
  keyword: string;
  createdAt: string;
}

const view = (row: KeywordAlertRow): KeywordAlertView => ({
  id: row.id,
  keyword: row.keyword,
  createdAt: row.createdAt.toISOString(),
});

/** A user's keyword alerts: add (idempotent per normalised word, capped), list, remove. */
export class KeywordAlertsService {
  readonly limit: number;

  constructor(
    private readonly d: {
      db: Db;
      readRouting: ReadRouting;
      repo: KeywordAlertsRepository;
      clock: Clock;
      limit?: number;
    },
  ) {
    this.limit = d.limit ?? KEYWORD_ALERT_LIMIT;
  }

  /**
   * Adds a keyword. The same word again (after normalising: case, spaces) returns the existing alert
   * with `created: false`. Checked under the user's advisory lock, so parallel adds never pass the cap.
   */
  async add(userId: string, input: string): Promise<{ alert: KeywordAlertView; created: boolean }> {
    const { db, repo, clock, readRouting } = this.d;
    const keyword = displayKeyword(input);
    const normalized = normalizeKeyword(keyword);
    if (keyword.length === 0 || Array.from(keyword).length > KEYWORD_MAX_LENGTH) {
      throw fieldError(
        'VALIDATION_FAILED',
        'body.keyword',
        'length',
        `must be 1 to ${KEYWORD_MAX_LENGTH} characters after trimming`,
        { limit: KEYWORD_MAX_LENGTH },
      );
    }
    const result = await db.transaction().execute(async (tx) => {
      await repo.lockUser(tx, userId);
      const existing = await repo.find(tx, userId, normalized);
      if (existing) return { alert: view(existing), created: false };
      if ((await repo.countOf(tx, userId)) >= this.limit) {
        throw new AppError('KEYWORD_LIMIT', `at most ${this.limit} keywords`, { limit: this.limit });
      }
      const row = await repo.insert(tx, { userId, keyword, normalized, at: clock.now() });
      return { alert: view(row), created: true };
    });
    if (result.created) await readRouting.markWrote(userId);
    return result;
  }

  async list(userId: string): Promise<KeywordAlertView[]> {
    const { repo, readRouting } = this.d;
    return (await repo.list(await readRouting.readDbFor(userId), userId)).map(view);
  }

  /** Someone else's alert is as unknown as one that never existed. */
  async remove(userId: string, id: string): Promise<void> {
    const { db, repo, readRouting } = this.d;
    if (!(await repo.remove(db, userId, id))) throw new AppError('KEYWORD_ALERT_NOT_FOUND');
    await readRouting.markWrote(userId);
  }
}
