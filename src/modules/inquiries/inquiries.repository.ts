import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DbOrTx, Tx } from '../../infra/db.ts';
import type {
  InquiriesTable,
  InquiryCategory,
  InquiryMessagesTable,
  InquiryStatus,
} from './inquiries.tables.ts';
import './inquiries.tables.ts';

export type InquiryRow = Selectable<InquiriesTable>;
export type MessageRow = Selectable<InquiryMessagesTable>;

export interface DeskFilter {
  status?: InquiryStatus;
  category?: InquiryCategory;
}

/** All of the inquiries module's SQL; stateless, the connection first. */
export class InquiriesRepository {
  insert(tx: Tx, row: Insertable<InquiriesTable>): Promise<InquiryRow> {
    return tx.insertInto('inquiries').values(row).returningAll().executeTakeFirstOrThrow();
  }

  byId(db: DbOrTx, id: string): Promise<InquiryRow | undefined> {
    return db.selectFrom('inquiries').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The inquiry, locked until the transaction ends: messages and status changes queue behind it. */
  lock(tx: Tx, id: string): Promise<InquiryRow | undefined> {
    return tx.selectFrom('inquiries').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  update(tx: Tx, id: string, patch: Updateable<InquiriesTable>): Promise<InquiryRow> {
    return tx
      .updateTable('inquiries')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async addMessage(tx: Tx, row: Omit<Insertable<InquiryMessagesTable>, 'seq'>): Promise<MessageRow> {
    const message = await tx
      .insertInto('inquiry_messages')
      .values(row)
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('inquiries')
      .set((eb) => ({ message_count: eb('message_count', '+', 1) }))
      .where('id', '=', row.inquiry_id)
      .execute();
    return message;
  }

  messages(db: DbOrTx, inquiryId: string): Promise<MessageRow[]> {
    return db
      .selectFrom('inquiry_messages')
      .selectAll()
      .where('inquiry_id', '=', inquiryId)
      .orderBy('seq')
      .execute();
  }

  /** Marks the answers read by the buyer; a no-op when nothing new was answered. */
  async markRead(db: DbOrTx, id: string, at: Date): Promise<void> {
    await db
      .updateTable('inquiries')
      .set({ buyer_read_at: at })
      .where('id', '=', id)
      .where('last_answer_at', 'is not', null)
      .where((eb) =>
        eb.or([eb('buyer_read_at', 'is', null), eb('buyer_read_at', '<', eb.ref('last_answer_at'))]),
      )
      .execute();
  }

  /** One user's inquiries, latest activity first. */
  async pageOf(
    db: DbOrTx,
    userId: string,
    page: number,
    size: number,
  ): Promise<{ rows: InquiryRow[]; total: number }> {
    const [rows, count] = await Promise.all([
      db
        .selectFrom('inquiries')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('updated_at', 'desc')
        .orderBy('id')
        .limit(size)
        .offset((page - 1) * size)
        .execute(),
      db
        .selectFrom('inquiries')
        .select(sql<string>`count(*)`.as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  /**
   * The support desk: OPEN ones by how long the buyer has waited (oldest first), the others by
   * latest activity; with no status, every inquiry with the OPEN ones first.
   */
  async deskPage(
    db: DbOrTx,
    filter: DeskFilter,
    page: number,
    size: number,
  ): Promise<{ rows: InquiryRow[]; total: number }> {
    let list = db.selectFrom('inquiries').selectAll();
    let count = db.selectFrom('inquiries').select(sql<string>`count(*)`.as('n'));
    if (filter.status) {
      list = list.where('status', '=', filter.status);
      count = count.where('status', '=', filter.status);
    }
    if (filter.category) {
      list = list.where('category', '=', filter.category);
      count = count.where('category', '=', filter.category);
    }
    if (filter.status === 'OPEN') list = list.orderBy('waiting_since', 'asc');
    else if (!filter.status) {
      list = list
        .orderBy(sql`(status = 'OPEN')`, 'desc')
        .orderBy(sql`CASE WHEN status = 'OPEN' THEN waiting_since END`, 'asc');
    }
    const rows = await list
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .limit(size)
      .offset((page - 1) * size)
      .execute();
    return { rows, total: Number((await count.executeTakeFirstOrThrow()).n) };
  }
}
