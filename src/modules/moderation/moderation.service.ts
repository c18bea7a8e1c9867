import { AppError, fieldError } from '../../errors.ts';
import type { AuditPort } from '../../infra/audit.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import { compactForm } from './banned-words.ts';
import type { BannedWordsCache } from './banned-words-cache.ts';
import type { BannedWordRow, ModerationRepository } from './moderation.repository.ts';

/** The banned-words list as admins edit it; every change is audited and reaches every instance. */
export class ModerationService {
  constructor(
    private readonly d: {
      db: Db;
      repo: ModerationRepository;
      cache: BannedWordsCache;
      audit: AuditPort;
      clock: Clock;
    },
  ) {}

  list(): Promise<BannedWordRow[]> {
    return this.d.repo.list(this.d.db);
  }

  async add(actorId: string, input: string, requestId?: string): Promise<BannedWordRow> {
    const word = compactForm(input);
    if (word.length === 0 || word.length > 50) {
      throw fieldError(
        'VALIDATION_FAILED',
        'body.word',
        'word',
        'must hold a letter or digit besides spaces and punctuation',
      );
    }
    const { db, repo, audit, clock } = this.d;
    const row = await db.transaction().execute(async (tx) => {
      const added = await repo.add(tx, word, actorId, clock.now());
      if (!added) throw new AppError('BANNED_WORD_EXISTS', `"${word}" is already listed`, { word });
      await audit.record(tx, {
        actorId,
        action: 'banned-word.add',
        target: { type: 'banned-words', id: added.id },
        after: { word },
        requestId,
      });
      return added;
    });
    await this.d.cache.changed();
    return row;
  }

  async remove(actorId: string, id: string, requestId?: string): Promise<void> {
    const { db, repo, audit } = this.d;
    await db.transaction().execute(async (tx) => {
      const removed = await repo.remove(tx, id);
      if (!removed) throw new AppError('BANNED_WORD_NOT_FOUND');
      await audit.record(tx, {
        actorId,
        action: 'banned-word.remove',
        target: { type: 'banned-words', id },
        before: { word: removed.word },
        requestId,
      });
    });
    await this.d.cache.changed();
  }
}
