import { sql, type Kysely } from 'kysely';

/** The users desk: a suspended account cannot sign in (users module). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN suspended_at timestamptz`.execute(db);
  // The desk's search matches part of an email, nickname or phone (pg_trgm from 0001).
  await sql`CREATE INDEX users_admin_search ON users USING gin ((lower(email || ' ' || nickname || ' ' || coalesce(phone, ''))) gin_trgm_ops)`.execute(
    db,
  );
}
