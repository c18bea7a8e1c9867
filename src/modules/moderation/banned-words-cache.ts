import { performance } from 'node:perf_hooks';
import { AppError } from '../../errors.ts';
import type { ContentScreen } from '../../infra/content-screen.ts';
import type { Logger } from '../../infra/logger.ts';
import type { RedisClient } from '../../infra/redis.ts';
import { compileMatcher, type WordMatcher } from './banned-words.ts';

/** Bumped after every change of the list; every instance compares it with the one it loaded. */
export const BANNED_WORDS_VERSION_KEY = 'moderation:banned-words:version';
/** Without Redis an instance still reloads the list from PostgreSQL this often. */
export const RELOAD_WITHOUT_REDIS_MS = 30_000;

/**
 * The ContentScreen: the list compiled into one matcher, kept in process. A check reads the list's
 * version from Redis at most once per `checkMs` (a GET); when it changed (on any instance) the list
 * is reloaded from PostgreSQL before the text is judged. So a word added anywhere is enforced
 * everywhere within `checkMs`; while Redis is unreachable, within RELOAD_WITHOUT_REDIS_MS. Loads are
 * single-flight: a burst of writes after a change reloads once per instance.
 *
 * Timing uses the process's monotonic clock on purpose: this is cache freshness, not business time.
 */
export class BannedWordsCache implements ContentScreen {
  private matcher: WordMatcher | undefined;
  private version: string | null | undefined;
  private loadedAt = -Infinity;
  private checkedAt = -Infinity;
  private refreshing: Promise<WordMatcher> | undefined;

  constructor(
    private readonly d: {
      load: () => Promise<string[]>;
      redis: RedisClient;
      log: Logger;
      checkMs: number;
    },
  ) {}

  async assertClean(...texts: string[]): Promise<void> {
    const words = (await this.current()).find(texts);
    if (words.length > 0) {
      throw new AppError('BANNED_WORDS', 'The text contains words that are not allowed', { words });
    }
  }

  /** The listed words found in the texts (an empty list when they are clean). */
  async find(...texts: string[]): Promise<string[]> {
    return (await this.current()).find(texts);
  }

  /** After a change committed on this instance: tell every instance, and reload here at once. */
  async changed(): Promise<void> {
    try {
      await this.d.redis.incr(BANNED_WORDS_VERSION_KEY);
    } catch (err) {
      this.d.log.warn(
        { err: (err as Error).message },
        'banned-words version not bumped; others reload by age',
      );
    }
    this.checkedAt = -Infinity;
    this.loadedAt = -Infinity;
  }

  private async current(): Promise<WordMatcher> {
    if (this.matcher && performance.now() - this.checkedAt < this.d.checkMs) return this.matcher;
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refresh(): Promise<WordMatcher> {
    const now = performance.now();
    let version: string | null | undefined;
    try {
      version = await this.d.redis.get(BANNED_WORDS_VERSION_KEY);
    } catch {
      version = undefined; // unknown: fall back to reloading by age
    }
    const known = version !== undefined && this.version !== undefined;
    const fresh = known ? version === this.version : now - this.loadedAt < RELOAD_WITHOUT_REDIS_MS;
    if (this.matcher && fresh && this.loadedAt > -Infinity) {
      this.checkedAt = now;
      return this.matcher;
    }
    try {
      const matcher = compileMatcher(await this.d.load());
      this.matcher = matcher;
      this.version = version;
      this.loadedAt = now;
      this.checkedAt = now;
      return matcher;
    } catch (err) {
      // The database is down: judge with the list we have rather than refuse every write.
      if (this.matcher) {
        this.d.log.warn({ err: (err as Error).message }, 'banned words not reloaded; using the loaded list');
        return this.matcher;
      }
      throw err;
    }
  }
}
