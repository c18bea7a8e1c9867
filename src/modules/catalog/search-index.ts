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
 * N-grams are of UTF-16 code units: a word held by a text holds only n-grams of that text whatever the
 * unit, the recheck is exact, and slicing units is what makes a 100,000-row load take seconds, not tens.
 */
class Grams {
  private readonly lists = new Map<string, number[]>();
  constructor(private readonly sizes: readonly number[]) {}

  /** Called with increasing slots: a gram met twice in one text is listed once (the last slot is this one). */
  add(slot: number, text: string): void {
    for (const n of this.sizes)
      for (let i = 0; i + n <= text.length; i++) {
        const gram = text.slice(i, i + n);
        const list = this.lists.get(gram);
        if (!list) this.lists.set(gram, [slot]);
        else if (list[list.length - 1] !== slot) list.push(slot);
      }
  }

  /** The shortest list that holds every slot containing `word`; undefined: no list fits the word. */
  candidates(word: string): readonly number[] | undefined {
    let n = 0;
    for (const size of this.sizes) if (size <= word.length && size > n) n = size;
    if (n === 0) return undefined;
    let best: readonly number[] | undefined;
    for (let i = 0; i + n <= word.length; i++) {
      const list = this.lists.get(word.slice(i, i + n)) ?? NONE;
      if (!best || list.length < best.length) best = list;
      if (best.length === 0) break;
    }
    return best;
  }
}

const NONE: readonly number[] = [];

/** The texts a key is looked for in. */
type TextField = 'searchText' | 'searchJamo' | 'searchChosung';
/** At most this many slots are kept in the lists of found keys (8 bytes each): then they are dropped. */
const MAX_FOUND_SLOTS = 2_000_000;

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
  /** The live slots whose field holds a key, by field and key, until a text changes. */
  private readonly found = new Map<string, readonly number[]>();
  private foundSlots = 0;

  /**
   * The live slots whose `field` holds `key`: through the key's rarest n-gram and confirmed on the
   * text, as PostgreSQL's trigram indexes do, then kept. A query's words repeat (a popular title is
   * typed by thousands), and what holds a word changes only when a text does; counters, dates and
   * statuses change in place and are tested per search.
   */
  matching(field: TextField, key: string): readonly number[] {
    const memo = `${field}\u0000${key}`;
    const known = this.found.get(memo);
    if (known) return known;
    const { entries } = this;
    const candidates = this.gramsOf(field).candidates(key);
    const out: number[] = [];
    const holds = (e: Entry) => e.alive && e[field].includes(key);
    if (candidates) {
      for (const slot of candidates) if (holds(entries[slot]!)) out.push(slot);
    } else {
      for (let slot = 0; slot < entries.length; slot++) if (holds(entries[slot]!)) out.push(slot);
    }
    if (this.foundSlots + out.length > MAX_FOUND_SLOTS) this.forgetFound();
    this.found.set(memo, out);
    this.foundSlots += out.length;
    return out;
  }

  private gramsOf(field: TextField): Grams {
    return field === 'searchText' ? this.text : field === 'searchJamo' ? this.letters : this.initials;
  }

  private forgetFound(): void {
    this.found.clear();
    this.foundSlots = 0;
  }

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
    if (this.foundSlots > 0) this.forgetFound();
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
    this.forgetFound();
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

  /** Resolves when every invalidation so far is applied (for tests). */
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
    // One set of slots for the whole search: a rebuild may swap in another during the await below.
    const slots = this.slots;
    const keep = this.filterOf(f, lookups);
    const exact = matchExact(slots, f.q, keep);
    if (exact.length > 0 || looseConditions(f.q).length === 0) return pageOf(slots, exact, f, false);
    const corrections = typoKeyLetters(f.q) >= 5 ? await lookups.correctionsOf(f.q) : [];
    const loose = matchLoose(slots, f.q, corrections, keep);
    if (loose === undefined) return undefined;
    return loose.length > 0 ? pageOf(slots, loose, f, true) : pageOf(slots, exact, f, false);
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

/** Every word of `q` in search_text (exactCondition of search.repository.ts, plain queries). */
function matchExact(slots: Slots, q: string, keep: (e: Entry) => boolean): number[] {
  const words = q.split(' ');
  const lists = words.map((w) => slots.matching('searchText', w));
  const shortest = lists.reduce((a, b) => (b.length < a.length ? b : a));
  const { entries } = slots;
  const out: number[] = [];
  for (const slot of shortest) {
    const e = entries[slot]!;
    if (keep(e) && (words.length === 1 || words.every((w) => e.searchText.includes(w)))) out.push(slot);
  }
  return out;
}

/** The letters of a typo key (jamo, no spaces), 0 for initial consonants: typoKey of search.repository.ts. */
function typoKeyLetters(q: string): number {
  const compact = q.replace(/ /g, '');
  return isChosungQuery(compact) ? 0 : [...jamo(compact)].length;
}

/**
 * What looseConditions finds: the initials, or the letters and the typo's corrections; undefined for a
 * typo no word is close to (pg_trgm's similarity in the database).
 */
function matchLoose(
  slots: Slots,
  q: string,
  corrections: readonly string[],
  keep: (e: Entry) => boolean,
): number[] | undefined {
  const compact = q.replace(/ /g, '');
  let lists: (readonly number[])[];
  if (isChosungQuery(compact)) {
    lists = [slots.matching('searchChosung', chosung(compact))];
  } else {
    const key = jamo(compact);
    const letters = [...key].length;
    if (letters >= 5 && corrections.length === 0) return undefined;
    const parts = [...(letters >= 3 ? [key] : []), ...(letters >= 5 ? corrections : [])];
    lists = parts.map((p) => slots.matching('searchJamo', p));
  }
  const { entries } = slots;
  return unionOf(lists).filter((slot) => keep(entries[slot]!));
}

/** The page: the first `page × size` matches kept in order as they are met (most are turned away by one comparison). */
function pageOf(slots: Slots, matches: readonly number[], f: SearchFilter, loose: boolean): IndexedPage {
  const order = ORDERS[f.sort];
  const { entries } = slots;
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

/** The slots of several candidate lists, each once. */
function unionOf(lists: readonly (readonly number[])[]): readonly number[] {
  if (lists.length === 1) return lists[0]!;
  return [...new Set(lists.flat())];
}
