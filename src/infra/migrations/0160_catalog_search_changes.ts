import { sql, type Kysely } from 'kysely';

/**
 * What changed in `performance_search` since a point in time, for the search index each API instance
 * holds in memory (src/modules/catalog/search-index.ts, docs/performance.md "Search in process").
 *
 * - `changed_xid`: the transaction that last inserted or changed the row. An instance asks for the rows
 *   whose transaction is at or after the oldest one still running at its previous read
 *   (`pg_snapshot_xmin`): a transaction that commits late is seen on the next read, never skipped, as a
 *   plain sequence number would be (numbers are drawn before commit, in another order).
 * - `performance_search_removals`: the ids of removed rows (a soft delete, a hard delete's cascade),
 *   with the removing transaction. A removal is rare (an operator deleting a performance) and a row is
 *   a few dozen bytes, so the table is not pruned.
 *
 * The sync trigger of migration 0155 is replaced to stamp `changed_xid`; it still writes nothing when
 * an update changes nothing the table holds. Both additions are compatible with the code already
 * running (docs/deployment.md): it never names the new column or table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE performance_search
    ADD COLUMN changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id()`.execute(db);
  await sql`CREATE INDEX performance_search_changed ON performance_search (changed_xid)`.execute(db);
  await sql`
    CREATE TABLE performance_search_removals (
      id uuid NOT NULL,
      removed_xid xid8 NOT NULL DEFAULT pg_current_xact_id()
    )`.execute(db);
  await sql`CREATE INDEX performance_search_removals_xid ON performance_search_removals (removed_xid)`.execute(
    db,
  );
  await sql`
    CREATE OR REPLACE FUNCTION catalog_sync_performance_search() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
    BEGIN
      IF NEW.deleted_at IS NOT NULL THEN
        DELETE FROM performance_search WHERE id = NEW.id;
        RETURN NULL;
      END IF;
      INSERT INTO performance_search AS s (id, category_id, venue_id, status, start_date, end_date,
          created_at, view_count, sales_count, search_text, title_jamo, search_jamo, search_chosung)
      VALUES (NEW.id, NEW.category_id, NEW.venue_id, NEW.status, NEW.start_date, NEW.end_date,
          NEW.created_at, NEW.view_count, NEW.sales_count, NEW.search_text, NEW.title_jamo,
          NEW.search_jamo, NEW.search_chosung)
      ON CONFLICT (id) DO UPDATE SET
          category_id = EXCLUDED.category_id, venue_id = EXCLUDED.venue_id, status = EXCLUDED.status,
          start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date, created_at = EXCLUDED.created_at,
          view_count = EXCLUDED.view_count, sales_count = EXCLUDED.sales_count,
          search_text = EXCLUDED.search_text, title_jamo = EXCLUDED.title_jamo,
          search_jamo = EXCLUDED.search_jamo, search_chosung = EXCLUDED.search_chosung,
          changed_xid = pg_current_xact_id()
        WHERE (s.category_id, s.venue_id, s.status, s.start_date, s.end_date, s.created_at, s.view_count,
               s.sales_count, s.search_text, s.title_jamo, s.search_jamo, s.search_chosung)
          IS DISTINCT FROM
              (EXCLUDED.category_id, EXCLUDED.venue_id, EXCLUDED.status, EXCLUDED.start_date,
               EXCLUDED.end_date, EXCLUDED.created_at, EXCLUDED.view_count, EXCLUDED.sales_count,
               EXCLUDED.search_text, EXCLUDED.title_jamo, EXCLUDED.search_jamo, EXCLUDED.search_chosung);
      RETURN NULL;
    END
    $$`.execute(db);
  await sql`
    CREATE FUNCTION catalog_log_search_removal() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
    BEGIN
      INSERT INTO performance_search_removals (id) VALUES (OLD.id);
      RETURN NULL;
    END
    $$`.execute(db);
  await sql`
    CREATE TRIGGER performance_search_removed AFTER DELETE ON performance_search
      FOR EACH ROW EXECUTE FUNCTION catalog_log_search_removal()`.execute(db);
}
