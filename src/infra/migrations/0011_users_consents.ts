import { sql, type Kysely } from 'kysely';

/**
 * When an account agreed to the terms of service and to the collection and use of personal data, as
 * recorded by the server at signup (Korean sites must be able to show both). Null: an account made
 * before consents were recorded, or through the API without them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN terms_agreed_at timestamptz, ADD COLUMN privacy_agreed_at timestamptz`.execute(
    db,
  );
}
