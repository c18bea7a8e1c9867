import { sql, type Kysely } from 'kysely';

/**
 * What each user has wished for (찜). One row per (user, performance): the primary key makes a repeated
 * or concurrent PUT one row. The newest-first list reads `wishes_user_newest`; the performance's
 * wishCount reads `wishes_performance`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE wishes (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      performance_id uuid NOT NULL REFERENCES performances (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, performance_id)
    )`.execute(db);
  await sql`CREATE INDEX wishes_user_newest ON wishes (user_id, created_at DESC, performance_id)`.execute(db);
  await sql`CREATE INDEX wishes_performance ON wishes (performance_id)`.execute(db);
}
