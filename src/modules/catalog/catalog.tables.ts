import type { ColumnType, Generated } from 'kysely';

/** The catalogue's tables (migrations 0020–0022) as Kysely sees them. */
export interface CategoriesTable {
  id: Generated<string>;
  name: string;
  slug: string;
  sort_order: Generated<number>;
}

export interface VenuesTable {
  id: Generated<string>;
  name: string;
  address: string;
  seat_count: number;
  /** WGS84 degrees; both set or both null (migration 0022). */
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  parking: string | null;
  directions: string | null;
  created_at: Generated<Date>;
  deleted_at: Date | null;
  /** Generated from the address (migration 0023, catalog_region): 서울, 경기, 부산…, or null. */
  region: ColumnType<string | null, never, never>;
}

export interface VenueSectionsTable {
  id: Generated<string>;
  venue_id: string;
  name: string;
  grade: string;
  rows: number;
  seats_per_row: number;
  sort_order: number;
}

export type StoredPerformanceStatus = 'DRAFT' | 'ON_SALE' | 'CLOSED';

export interface PerformancesTable {
  id: Generated<string>;
  title: string;
  description: Generated<string>;
  category_id: string;
  venue_id: string;
  /** 'YYYY-MM-DD' (the DATE parser is disabled in infra/db.ts). */
  start_date: string;
  end_date: string;
  running_minutes: number;
  age_rating: number;
  cast: Generated<string[]>;
  poster_url: string | null;
  status: Generated<StoredPerformanceStatus>;
  view_count: Generated<number>;
  sales_count: Generated<number>;
  search_text: Generated<string>;
  search_vector: ColumnType<string, never, never>;
  search_bigrams: ColumnType<string[], never, never>;
  /** Generated (migration 0023): the title without spaces, as jamo; title words and cast as jamo; initials. */
  title_jamo: ColumnType<string, never, never>;
  search_jamo: ColumnType<string, never, never>;
  search_chosung: ColumnType<string, never, never>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  deleted_at: Date | null;
}

export interface PerformancePricesTable {
  performance_id: string;
  grade: string;
  price: number;
}

/** Ticket types besides ADULT (migration 0024): a percentage off the grade price. */
export interface PerformanceTicketTypesTable {
  performance_id: string;
  code: string;
  name: string;
  discount_percent: number;
  proof_required: boolean;
  proof_note: string | null;
  sort_order: number;
}

export interface ShowtimesTable {
  id: Generated<string>;
  performance_id: string;
  starts_at: Date;
  sales_open_at: Date;
  sales_close_at: Date;
  max_tickets_per_user: number;
  queue_enabled: Generated<boolean>;
  queue_admit_per_second: Generated<number>;
  queue_max_active: Generated<number>;
  queue_session_seconds: Generated<number>;
  /** Minutes before sales_open_at the waiting room opens; null = QUEUE_OPENS_BEFORE_SALES_MINUTES. */
  queue_opens_before_minutes: number | null;
  /** Entering the waiting room needs a solved proof-of-work challenge (migration 0031). */
  queue_proof_of_work: Generated<boolean>;
  /** The challenge's maxnumber; null = QUEUE_POW_DIFFICULTY. */
  queue_pow_difficulty: number | null;
  seat_count: number;
  /** This showtime's cast (migration 0022); the performance's cast is the run's principal cast. */
  cast: Generated<string[]>;
  created_at: Generated<Date>;
  deleted_at: Date | null;
}

export interface SeatsTable {
  id: Generated<string>;
  showtime_id: string;
  section: string;
  row_label: string;
  number: number;
  grade: string;
  price: number;
  status: Generated<'AVAILABLE' | 'SOLD'>;
  sort_order: number;
}

/** A word of a title or a cast name, as jamo: what a typo is corrected to (migration 0150). */
export interface PerformanceSearchWordsTable {
  word: string;
}

/** A column only the database writes (a trigger): readable, never inserted or updated by the application. */
type KeptByTrigger<T> = ColumnType<T, never, never>;

/**
 * What a text search reads (migration 0155): one narrow row per live performance, kept by a trigger
 * on performances (never written by the application).
 */
export interface PerformanceSearchTable {
  id: KeptByTrigger<string>;
  category_id: KeptByTrigger<string>;
  venue_id: KeptByTrigger<string>;
  status: KeptByTrigger<StoredPerformanceStatus>;
  start_date: KeptByTrigger<string>;
  end_date: KeptByTrigger<string>;
  created_at: KeptByTrigger<Date>;
  view_count: KeptByTrigger<number>;
  sales_count: KeptByTrigger<number>;
  search_text: KeptByTrigger<string>;
  title_jamo: KeptByTrigger<string>;
  search_jamo: KeptByTrigger<string>;
  search_chosung: KeptByTrigger<string>;
}

export interface ViewFlushBatchesTable {
  batch_id: string;
  flushed_at: Generated<Date>;
}

declare module '../../infra/db.ts' {
  interface Database {
    categories: CategoriesTable;
    venues: VenuesTable;
    venue_sections: VenueSectionsTable;
    performances: PerformancesTable;
    performance_prices: PerformancePricesTable;
    performance_ticket_types: PerformanceTicketTypesTable;
    showtimes: ShowtimesTable;
    seats: SeatsTable;
    view_flush_batches: ViewFlushBatchesTable;
    performance_search_words: PerformanceSearchWordsTable;
    performance_search: PerformanceSearchTable;
  }
}
