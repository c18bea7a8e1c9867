import { sql } from 'kysely';
import type { Db } from '../../infra/db.ts';
import type { Logger } from '../../infra/logger.ts';
import { chosung, isChosungQuery, jamo } from './hangul.ts';
import { looseConditions, PLAIN_QUERY, type SearchFilter } from './search.repository.ts';

/** One live performance as `performance_search` holds it (migration 0155), in a slot of the index. */
interface Entry {
  id: string;
  categoryId: string;
  status: string;
  startDate: string;
  endDate: string;
  /** Microseconds since the epoch: PostgreSQL's precision, so ties sort as they do there. */
  createdAt: number;
  viewCount: number;
  salesCount: number;
  searchText: string;
  searchJamo: string;
  searchChosung: string;
  alive: boolean;
}

/** What the index found: the page's ids in order, the total and whether it was a loose match. */
export interface IndexedPage {
  ids: string[];
  total: number;
  loose: boolean;
}

/** What a search may look up besides the index: the categories by slug and typo corrections. */
export interface IndexLookups {
  categoryIdOf(slug: string): string | undefined;
  correctionsOf(q: string): Promise<string[]>;
}

/**
 * Slots holding each n-gram of one text field. A word is looked up through its rarest n-gram and
 * confirmed on the whole text, as the trigram indexes of PostgreSQL do (a candidate list, then a
 * recheck); a word shorter than the n-grams kept has no list and is tested on every slot.
 */
class Grams {
  private readonly lists = new Map<string, number[]>();
  constructor(private readonly sizes: readonly number[]) {}

  add(slot: number, text: string): void {
    const chars = [...text];
    const seen = new Set<string>();
    for (const n of this.sizes)
      for (let i = 0; i + n <= chars.length; i++) {
        const gram = n === 1 ? chars[i]! : chars.slice(i, i + n).join('');
        if (seen.has(gram)) continue;
        seen.add(gram);
        const list = this.lists.get(gram);
        if (list) list.push(slot);
        else this.lists.set(gram, [slot]);
      }
  }

  /** The shortest list that holds every slot containing `word`; undefined: no list fits the word. */
  candidates(word: string): readonly number[] | undefined {
    const chars = [...word];
    const n = this.sizes.filter((s) => s <= chars.length).reduce((a, b) => Math.max(a, b), 0);
    if (n === 0) return undefined;
    let best: readonly number[] | undefined;
    for (let i = 0; i + n <= chars.length; i++) {
      const list = this.lists.get(chars.slice(i, i + n).join('')) ?? NONE;
      if (!best || list.length < best.length) best = list;
      if (best.length === 0) break;
    }
    return best;
  }
}

const NONE: readonly number[] = [];

type Order = (a: Entry, b: Entry) => number;
const byId = (a: Entry, b: Entry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** The orders of search.repository.ts ORDERS (uuids compare as their lower-case text). */
const ORDERS: Record<SearchFilter['sort'], Order> = {
  popular: (a, b) => b.salesCount - a.salesCount || b.viewCount - a.viewCount || byId(a, b),
  latest: (a, b) => b.createdAt - a.createdAt || byId(a, b),
  date: (a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : byId(a, b)),
  views: (a, b) => b.viewCount - a.viewCount || byId(a, b),
};

interface Row {
  id: string;
  categoryId: string;
  status: string;
  startDate: string;
  endDate: string;
  createdAt: string;
  viewCount: string;
  salesCount: string;
  searchText: string;
  searchJamo: string | null;
  searchChosung: string | null;
}

/**
 * The entries by slot and the n-gram lists over them. A rewritten or removed row leaves a dead slot
 * behind (its lists still name it; every lookup checks `alive`), until the whole is rebuilt.
 */
class Slots {
  readonly entries: Entry[] = [];
  readonly slotOf = new Map<string, number>();
  readonly text = new Grams([1, 2]);
  readonly letters = new Grams([3]);
  readonly initials = new Grams([2]);
  dead = 0;

  put(next: Entry): void {
    const slot = this.slotOf.get(next.id);
    const old = slot === undefined ? undefined : this.entries[slot]!;
    if (
      old &&
      slot !== undefined &&
      old.searchText === next.searchText &&
      old.searchJamo === next.searchJamo &&
      old.searchChosung === next.searchChosung
    ) {
      // The usual change (counters, status, dates): same texts, same n-grams.
      this.entries[slot] = next;
      return;
    }
    if (old) this.kill(old);
    this.append(next);
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.kill(this.entries[slot]!);
    this.slotOf.delete(id);
  }

  append(e: Entry): void {
    const slot = this.entries.length;
    this.entries.push(e);
    this.slotOf.set(e.id, slot);
    this.text.add(slot, e.searchText);
    this.letters.add(slot, e.searchJamo);
    this.initials.add(slot, e.searchChosung);
  }

  private kill(e: Entry): void {
    e.alive = false;
    this.dead++;
  }
}

/** Rows applied between two turns of the event loop: a 100,000-row load must not stall requests. */
const CHUNK = 2_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface SearchIndexOptions {
  db: Db;
  log: Logger;
  /** How often changes are read (SEARCH_INDEX_REFRESH_MS). */
  refreshMs: number;
}

/**
 * A copy of `performance_search` in this process, answering a text search without PostgreSQL: the
 * same conditions as search.repository.ts (words as substrings of search_text; when they find nothing,
 * initials, letters and typo corrections), the same filters and orders, so the same pages. What it
 * cannot answer the same way (a price or region filter, drafts, a query with punctuation, a typo no
 * word is close to) returns undefined and goes to the database.
 *
 * It follows the table: the whole table once, then every `refreshMs` the rows changed and removed
 * since the oldest transaction running at its previous read (migration 0160). An invalidation (a
 * catalogue write on any instance) makes it stand aside until a read begun after it has been applied,
 * so a write is never missing from a search that follows it; counters (views, sales: the sort keys)
 * follow within `refreshMs`.
 */
export class SearchIndex {
  private slots = new Slots();
  private xmin: string | undefined;
  private wanted = 0;
  private applied = -1;
  private lastRead = 0;
  private reading: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly opts: SearchIndexOptions) {}

  /** Whether a search may be answered here now (loaded, every invalidation applied, reads succeeding). */
  get current(): boolean {
    return this.applied >= this.wanted && Date.now() - this.lastRead < this.opts.refreshMs * 10 + 5_000;
  }

  get size(): number {
    return this.slots.slotOf.size;
  }

  /** Starts loading on first use (the worker never searches, so never loads). */
  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => void this.refresh(), this.opts.refreshMs);
    this.timer.unref();
    void this.refresh();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Catalogue data changed: answer from the database until a read begun after this is applied. */
  invalidate(): void {
    this.wanted++;
    if (this.timer) void this.refresh();
  }

  /** Resolves when every invalidation so far is applied (tests, and the bench's warm-up). */
  async settled(): Promise<void> {
    this.start();
    while (!this.current && !this.stopped) {
      await this.refresh();
      if (!this.current) await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** The page of `f` from the index, or undefined when the database must answer it. */
  async search(f: SearchFilter, lookups: IndexLookups): Promise<IndexedPage | undefined> {
    this.start();
    if (!this.current || !this.covers(f)) return undefined;
    const keep = this.filterOf(f, lookups);
    const exact = this.matchExact(f.q, keep);
    if (exact.length > 0 || looseConditions(f.q).length === 0) return this.pageOf(exact, f, false);
    const loose = await this.matchLoose(f.q, keep, lookups);
    if (loose === undefined) return undefined;
    return loose.length > 0 ? this.pageOf(loose, f, true) : this.pageOf(exact, f, false);
  }

  /** A text search without the filters only PostgreSQL holds (prices, venues' regions) or drafts. */
  private covers(f: SearchFilter): boolean {
    return (
      f.q !== '' &&
      !f.includeDrafts &&
      f.region === undefined &&
      f.priceMin === undefined &&
      f.priceMax === undefined &&
      PLAIN_QUERY.test(f.q) &&
      (f.genres ?? []).every((g) => PLAIN_QUERY.test(g.word))
    );
  }

  /** The conditions besides the text, as search.repository.ts `matching` writes them. */
  private filterOf(f: SearchFilter, lookups: IndexLookups): (e: Entry) => boolean {
    const categoryId = f.category === undefined ? undefined : (lookups.categoryIdOf(f.category) ?? '');
    const genres = (f.genres ?? []).map((g) => ({ ids: new Set(g.categoryIds), words: g.word.split(' ') }));
    const { from, to, status, today } = f;
    return (e) =>
      e.alive &&
      e.status !== 'DRAFT' &&
      (categoryId === undefined || e.categoryId === categoryId) &&
      (from === undefined || e.endDate >= from) &&
      (to === undefined || e.startDate <= to) &&
      (status === undefined ||
        (status === 'ENDED'
          ? e.endDate < today
          : status === 'DRAFT'
            ? false
            : e.status === status && e.endDate >= today)) &&
      genres.every((g) => g.ids.has(e.categoryId) || g.words.every((w) => e.searchText.includes(w)));
  }

  private matchExact(q: string, keep: (e: Entry) => boolean): number[] {
    const words = q.split(' ');
    let candidates: readonly number[] | undefined;
    for (const word of words) {
      const list = this.slots.text.candidates(word);
      if (list && (!candidates || list.length < candidates.length)) candidates = list;
    }
    return this.confirm(candidates, (e) => keep(e) && words.every((w) => e.searchText.includes(w)));
  }

  /** What looseConditions finds; undefined for a typo no word is close to (the database's similarity). */
  private async matchLoose(
    q: string,
    keep: (e: Entry) => boolean,
    lookups: IndexLookups,
  ): Promise<number[] | undefined> {
    const compact = q.replace(/ /g, '');
    if (isChosungQuery(compact)) {
      const key = chosung(compact);
      return this.confirm(
        this.slots.initials.candidates(key),
        (e) => keep(e) && e.searchChosung.includes(key),
      );
    }
    const key = jamo(compact);
    const parts = [...key].length >= 3 ? [key] : [];
    if ([...key].length >= 5) {
      const corrections = await lookups.correctionsOf(q);
      if (corrections.length === 0) return undefined;
      parts.push(...corrections);
    }
    const lists = parts.map((p) => this.slots.letters.candidates(p));
    const candidates = lists.some((l) => l === undefined) ? undefined : unionOf(lists as number[][]);
    return this.confirm(candidates, (e) => keep(e) && parts.some((p) => e.searchJamo.includes(p)));
  }

  private confirm(candidates: readonly number[] | undefined, test: (e: Entry) => boolean): number[] {
    const { entries } = this.slots;
    const out: number[] = [];
    if (candidates) {
      for (const slot of candidates) if (test(entries[slot]!)) out.push(slot);
    } else {
      for (let slot = 0; slot < entries.length; slot++) if (test(entries[slot]!)) out.push(slot);
    }
    return out;
  }

  /** The page: the first `page × size` matches kept in order as they are met (most are turned away by one comparison). */
  private pageOf(matches: number[], f: SearchFilter, loose: boolean): IndexedPage {
    const order = ORDERS[f.sort];
    const { entries } = this.slots;
    const want = f.page * f.size;
    const top: Entry[] = [];
    for (const slot of matches) {
      const e = entries[slot]!;
      if (top.length === want && order(e, top[want - 1]!) >= 0) continue;
      let lo = 0;
      let hi = top.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (order(top[mid]!, e) < 0) lo = mid + 1;
        else hi = mid;
      }
      top.splice(lo, 0, e);
      if (top.length > want) top.pop();
    }
    const ids = top.slice((f.page - 1) * f.size).map((e) => e.id);
    return { ids, total: matches.length, loose };
  }

  /** One read of what changed (the whole table the first time), never two at once. */
  private async refresh(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    const epoch = this.wanted;
    this.reading = this.read()
      .then(() => {
        this.applied = epoch;
        this.lastRead = Date.now();
      })
      .catch((err: unknown) => this.opts.log.warn({ err }, 'search index: reading changes failed'))
      .finally(() => {
        this.reading = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          void this.refresh();
        }
      });
    return this.reading;
  }

  private async read(): Promise<void> {
    const since = this.xmin;
    const { xmin, rows, removed } = await this.opts.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (tx) => {
        const snap = await sql<{ xmin: string }>`
          SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`.execute(tx);
        const changed = since === undefined ? sql`true` : sql`changed_xid >= ${since}::xid8`;
        const rows = await sql<Row>`
          SELECT id, category_id AS "categoryId", status, start_date::text AS "startDate",
                 end_date::text AS "endDate",
                 (extract(epoch FROM created_at) * 1000000)::int8::text AS "createdAt",
                 view_count::text AS "viewCount", sales_count::text AS "salesCount",
                 search_text AS "searchText", search_jamo AS "searchJamo", search_chosung AS "searchChosung"
            FROM performance_search WHERE ${changed}`.execute(tx);
        const removed =
          since === undefined
            ? []
            : (
                await sql<{ id: string }>`
                  SELECT DISTINCT id FROM performance_search_removals WHERE removed_xid >= ${since}::xid8`.execute(
                  tx,
                )
              ).rows.map((r) => r.id);
        return { xmin: snap.rows[0]!.xmin, rows: rows.rows, removed };
      });
    if (since === undefined) {
      // The whole table: built aside and swapped in, as a rebuild is.
      this.slots = await this.rebuilt(rows.map(entryOf));
    } else {
      const present = new Set(rows.map((r) => r.id));
      for (const id of removed) if (!present.has(id)) this.slots.remove(id);
      for (let i = 0; i < rows.length; i++) {
        this.slots.put(entryOf(rows[i]!));
        if (i % CHUNK === CHUNK - 1) await nextTurn();
      }
      const { dead, slotOf } = this.slots;
      if (dead > Math.max(1_000, slotOf.size))
        this.slots = await this.rebuilt(this.slots.entries.filter((e) => e.alive));
    }
    this.xmin = xmin;
  }

  /** Slots holding `entries`, built a chunk per turn of the event loop while searches use the old ones. */
  private async rebuilt(entries: Entry[]): Promise<Slots> {
    const next = new Slots();
    for (let i = 0; i < entries.length; i++) {
      next.append(entries[i]!);
      if (i % CHUNK === CHUNK - 1) await nextTurn();
    }
    return next;
  }
}

function entryOf(row: Row): Entry {
  return {
    id: row.id,
    categoryId: row.categoryId,
    status: row.status,
    startDate: row.startDate,
    endDate: row.endDate,
    createdAt: Number(row.createdAt),
    viewCount: Number(row.viewCount),
    salesCount: Number(row.salesCount),
    searchText: row.searchText,
    searchJamo: row.searchJamo ?? '',
    searchChosung: row.searchChosung ?? '',
    alive: true,
  };
}

/** The slots of several candidate lists, each once. */
function unionOf(lists: readonly (readonly number[])[]): number[] {
  if (lists.length === 1) return lists[0] as number[];
  return [...new Set(lists.flat())];
}
