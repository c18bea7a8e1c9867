import { sql, type Kysely } from 'kysely';

/**
 * Every admin action (audit module): who, what, when, the state before and after. Append-only: the
 * database itself refuses UPDATE, DELETE and TRUNCATE, whatever connects to it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      actor_id uuid NOT NULL,
      action text NOT NULL,
      target_type text,
      target_id text,
      before jsonb,
      after jsonb,
      request_id text,
      at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX audit_log_target ON audit_log (target_type, target_id, id)`.execute(db);
  await sql`CREATE INDEX audit_log_actor ON audit_log (actor_id, id)`.execute(db);
  await sql`
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
}
