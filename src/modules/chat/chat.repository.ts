import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../infra/db.ts';
import './chat.tables.ts';

export interface MessageRow {
  id: number;
  performanceId: string;
  seq: number;
  authorId: string;
  clientId: string;
  text: string;
  imageUrl: string | null;
  createdAt: Date;
  deleted: boolean;
}

const MESSAGE_COLUMNS = [
  'id',
  'performance_id',
  'seq',
  'author_id',
  'client_id',
  'text',
  'image_url',
  'created_at',
  'deleted_at',
] as const;

type RawMessage = {
  id: string;
  performance_id: string;
  seq: string;
  author_id: string;
  client_id: string;
  text: string;
  image_url: string | null;
  created_at: Date;
  deleted_at: Date | null;
};

const toMessage = (r: RawMessage): MessageRow => ({
  id: Number(r.id),
  performanceId: r.performance_id,
  seq: Number(r.seq),
  authorId: r.author_id,
  clientId: r.client_id,
  text: r.text,
  imageUrl: r.image_url,
  createdAt: r.created_at,
  deleted: r.deleted_at !== null,
});

/** All of the chat's SQL; stateless, the connection first. */
export class ChatRepository {
  /**
   * Stores a message as the room's next one: bumping the room's counter takes its row lock until
   * the transaction ends, so the id (drawn after the lock) and `seq` rise together within a room and
   * commit in that order. Undefined when (author, clientId) is already stored.
   */
  async insertMessage(
    tx: Tx,
    m: {
      performanceId: string;
      authorId: string;
      clientId: string;
      text: string;
      imageUrl: string | null;
      at: Date;
    },
  ): Promise<MessageRow | undefined> {
    const room = await tx
      .insertInto('chat_rooms')
      .values({ performance_id: m.performanceId, last_seq: 1 })
      .onConflict((oc) => oc.column('performance_id').doUpdateSet({ last_seq: sql`chat_rooms.last_seq + 1` }))
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    const row = await tx
      .insertInto('chat_messages')
      .values({
        performance_id: m.performanceId,
        seq: room.last_seq,
        author_id: m.authorId,
        client_id: m.clientId,
        text: m.text,
        image_url: m.imageUrl,
        created_at: m.at,
      })
      .onConflict((oc) => oc.columns(['author_id', 'client_id']).doNothing())
      .returning(MESSAGE_COLUMNS)
      .executeTakeFirst();
    return row ? toMessage(row) : undefined;
  }

  async byClientId(db: DbOrTx, authorId: string, clientId: string): Promise<MessageRow | undefined> {
    const row = await db
      .selectFrom('chat_messages')
      .select(MESSAGE_COLUMNS)
      .where('author_id', '=', authorId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return row ? toMessage(row) : undefined;
  }

  async byId(db: DbOrTx, id: number): Promise<MessageRow | undefined> {
    const row = await db
      .selectFrom('chat_messages')
      .select(MESSAGE_COLUMNS)
      .where('id', '=', String(id))
      .executeTakeFirst();
    return row ? toMessage(row) : undefined;
  }

  /** The room's newest message id (deleted ones count: ids only grow), 0 for an empty room. */
  async lastId(db: DbOrTx, performanceId: string): Promise<number> {
    const row = await db
      .selectFrom('chat_messages')
      .select(sql<string | null>`max(id)`.as('id'))
      .where('performance_id', '=', performanceId)
      .executeTakeFirst();
    return Number(row?.id ?? 0);
  }

  /** The room's counter: the `seq` of its newest message, 0 for an empty room. */
  async lastSeq(db: DbOrTx, performanceId: string): Promise<number> {
    const row = await db
      .selectFrom('chat_rooms')
      .select('last_seq')
      .where('performance_id', '=', performanceId)
      .executeTakeFirst();
    return Number(row?.last_seq ?? 0);
  }

  /** Messages older than `before` (all when null), newest last; deleted ones left out. */
  async history(
    db: DbOrTx,
    performanceId: string,
    before: number | null,
    limit: number,
  ): Promise<MessageRow[]> {
    let q = db
      .selectFrom('chat_messages')
      .select(MESSAGE_COLUMNS)
      .where('performance_id', '=', performanceId)
      .where('deleted_at', 'is', null);
    if (before !== null) q = q.where('id', '<', String(before));
    const rows = await q.orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toMessage).reverse();
  }

  /** Messages after `afterId`, oldest first; deleted ones left out. */
  async after(db: DbOrTx, performanceId: string, afterId: number, limit: number): Promise<MessageRow[]> {
    const rows = await db
      .selectFrom('chat_messages')
      .select(MESSAGE_COLUMNS)
      .where('performance_id', '=', performanceId)
      .where('id', '>', String(afterId))
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toMessage);
  }

  /** Messages with `from <= seq <= to`, deleted ones included (marked), in seq order. */
  async bySeq(db: DbOrTx, performanceId: string, from: number, to: number): Promise<MessageRow[]> {
    const rows = await db
      .selectFrom('chat_messages')
      .select(MESSAGE_COLUMNS)
      .where('performance_id', '=', performanceId)
      .where('seq', '>=', String(from) as never)
      .where('seq', '<=', String(to) as never)
      .orderBy('seq')
      .execute();
    return rows.map(toMessage);
  }

  /** Marks a message deleted; its room when this call deleted it, undefined when missing or already deleted. */
  async softDelete(db: DbOrTx, id: number, by: string, at: Date): Promise<string | undefined> {
    const row = await db
      .updateTable('chat_messages')
      .set({ deleted_at: at, deleted_by: by })
      .where('id', '=', String(id))
      .where('deleted_at', 'is', null)
      .returning('performance_id')
      .executeTakeFirst();
    return row?.performance_id;
  }

  /** When the user's mute in the room ends, if it has not yet. */
  async mutedUntil(db: DbOrTx, performanceId: string, userId: string, now: Date): Promise<Date | undefined> {
    const row = await db
      .selectFrom('chat_mutes')
      .select('until')
      .where('performance_id', '=', performanceId)
      .where('user_id', '=', userId)
      .where('until', '>', now)
      .executeTakeFirst();
    return row?.until;
  }

  async mute(
    db: DbOrTx,
    m: { performanceId: string; userId: string; until: Date; by: string; at: Date },
  ): Promise<void> {
    await db
      .insertInto('chat_mutes')
      .values({
        performance_id: m.performanceId,
        user_id: m.userId,
        until: m.until,
        muted_by: m.by,
        created_at: m.at,
      })
      .onConflict((oc) =>
        oc
          .columns(['performance_id', 'user_id'])
          .doUpdateSet({ until: m.until, muted_by: m.by, created_at: m.at }),
      )
      .execute();
  }

  /** True when the user was not a member yet. */
  async join(db: DbOrTx, performanceId: string, userId: string, at: Date): Promise<boolean> {
    const rows = await db
      .insertInto('chat_members')
      .values({ performance_id: performanceId, user_id: userId, joined_at: at, last_seen_at: at })
      .onConflict((oc) => oc.columns(['performance_id', 'user_id']).doNothing())
      .returning('user_id')
      .execute();
    return rows.length > 0;
  }

  async leave(db: DbOrTx, performanceId: string, userId: string): Promise<void> {
    await db
      .deleteFrom('chat_members')
      .where('performance_id', '=', performanceId)
      .where('user_id', '=', userId)
      .execute();
  }

  async isMember(db: DbOrTx, performanceId: string, userId: string): Promise<boolean> {
    const row = await db
      .selectFrom('chat_members')
      .select('user_id')
      .where('performance_id', '=', performanceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Members, those in `first` before the rest, then by join time; and how many there are. */
  async members(
    db: DbOrTx,
    performanceId: string,
    first: string[],
    limit: number,
  ): Promise<{ userIds: string[]; total: number }> {
    const [rows, count] = await Promise.all([
      db
        .selectFrom('chat_members')
        .select('user_id')
        .where('performance_id', '=', performanceId)
        .orderBy(sql`user_id = ANY(${first}::uuid[])`, 'desc')
        .orderBy('joined_at')
        .orderBy('user_id')
        .limit(limit)
        .execute(),
      db
        .selectFrom('chat_members')
        .select(sql<string>`count(*)`.as('n'))
        .where('performance_id', '=', performanceId)
        .executeTakeFirstOrThrow(),
    ]);
    return { userIds: rows.map((r) => r.user_id), total: Number(count.n) };
  }

  /** The member was connected at `at` (connect and disconnect); nothing for a non-member. */
  async touchLastSeen(db: DbOrTx, performanceId: string, userId: string, at: Date): Promise<void> {
    await db
      .updateTable('chat_members')
      .set({ last_seen_at: at })
      .where('performance_id', '=', performanceId)
      .where('user_id', '=', userId)
      .where('last_seen_at', '<', at)
      .execute();
  }

  /**
   * Members not yet told about this away period (never notified, or notified before they were last
   * seen) for whom someone else wrote a message after they were last seen. One query per room.
   */
  async awayWithNews(
    db: DbOrTx,
    performanceId: string,
    limit: number,
  ): Promise<{ userId: string; lastSeenAt: Date }[]> {
    const rows = await db
      .selectFrom('chat_members as m')
      .select(['m.user_id', 'm.last_seen_at'])
      .where('m.performance_id', '=', performanceId)
      .where((eb) =>
        eb.or([eb('m.notified_at', 'is', null), eb('m.notified_at', '<', eb.ref('m.last_seen_at'))]),
      )
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('chat_messages as c')
            .select(sql`1`.as('one'))
            .whereRef('c.performance_id', '=', 'm.performance_id')
            .whereRef('c.created_at', '>', 'm.last_seen_at')
            .whereRef('c.author_id', '<>', 'm.user_id')
            .where('c.deleted_at', 'is', null),
        ),
      )
      .limit(limit)
      .execute();
    return rows.map((r) => ({ userId: r.user_id, lastSeenAt: r.last_seen_at }));
  }

  async markNotified(db: DbOrTx, performanceId: string, userIds: string[], at: Date): Promise<void> {
    if (userIds.length === 0) return;
    await db
      .updateTable('chat_members')
      .set({ notified_at: at })
      .where('performance_id', '=', performanceId)
      .where('user_id', 'in', userIds)
      .execute();
  }

  /** True when this user had not reported the message before. */
  async report(db: DbOrTx, messageId: number, reporterId: string, at: Date): Promise<boolean> {
    const rows = await db
      .insertInto('chat_reports')
      .values({ message_id: messageId, reporter_id: reporterId, created_at: at })
      .onConflict((oc) => oc.columns(['message_id', 'reporter_id']).doNothing())
      .returning('reporter_id')
      .execute();
    return rows.length > 0;
  }
}
