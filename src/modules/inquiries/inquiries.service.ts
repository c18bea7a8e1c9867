import { AppError, fieldError } from '../../errors.ts';
import type { AuditPort } from '../../infra/audit.ts';
import type { Clock } from '../../infra/clock.ts';
import type { ContentScreen } from '../../infra/content-screen.ts';
import type { Db, Tx } from '../../infra/db.ts';
import { appendEvent } from '../events/outbox.ts';
import type { DeskFilter, InquiriesRepository, InquiryRow, MessageRow } from './inquiries.repository.ts';
import type { InquiryCategory, InquiryStatus } from './inquiries.tables.ts';
import type { InquiryPeople, InquiryReservations } from './ports.ts';

/** Bounds on what a buyer writes (the route schema and the table's CHECKs say the same). */
export const INQUIRY_LIMITS = { titleMax: 100, bodyMax: 2000, excerpt: 200 } as const;

/** How staff are named in a thread: the box office, never the person. */
export const STAFF_NICKNAME = '고객센터';

export type Move = 'buyer-message' | 'staff-message' | 'close';

/**
 * The status rules (docs/inquiries.md): a buyer message (re)opens, a staff message answers an open
 * or answered one, closing closes. A staff message on a CLOSED inquiry is refused: the buyer reopens.
 */
export function nextStatus(current: InquiryStatus, move: Move): InquiryStatus {
  switch (move) {
    case 'buyer-message':
      return 'OPEN';
    case 'staff-message':
      if (current === 'CLOSED') throw new AppError('INQUIRY_CLOSED', 'Closed inquiries take no answer');
      return 'ANSWERED';
    case 'close':
      return 'CLOSED';
  }
}

export interface Caller {
  id: string;
  role: string;
}

export interface ThreadMessage {
  id: string;
  author: { nickname: string; staff: boolean };
  body: string;
  createdAt: Date;
}

export interface Thread {
  inquiry: InquiryRow;
  messages: ThreadMessage[];
  buyer: { id: string; nickname: string; email: string };
}

const clean = (text: string): string => text.replace(/\r\n?/g, '\n').trim();

export class InquiriesService {
  constructor(
    private readonly d: {
      db: Db;
      repo: InquiriesRepository;
      reservations: InquiryReservations;
      people: InquiryPeople;
      screen: ContentScreen;
      audit: AuditPort;
      clock: Clock;
    },
  ) {}

  async open(
    userId: string,
    input: { category: InquiryCategory; title: string; body: string; reservationId?: string },
  ): Promise<Thread> {
    const title = clean(input.title).replace(/\s+/g, ' ');
    const body = clean(input.body);
    if (!title) throw fieldError('VALIDATION_FAILED', 'body.title', 'blank', 'must not be blank');
    if (!body) throw fieldError('VALIDATION_FAILED', 'body.body', 'blank', 'must not be blank');
    let bookingNumber: string | null = null;
    if (input.reservationId) {
      const owner = await this.d.reservations.ownerOf(input.reservationId);
      // Someone else's reservation is answered as one that does not exist.
      if (!owner || owner.userId !== userId) throw new AppError('RESERVATION_NOT_FOUND');
      bookingNumber = owner.bookingNumber;
    }
    await this.d.screen.assertClean(title, body);
    const now = this.d.clock.now();
    const { db, repo } = this.d;
    const id = await db.transaction().execute(async (tx) => {
      const inquiry = await repo.insert(tx, {
        user_id: userId,
        category: input.category,
        title,
        status: 'OPEN',
        reservation_id: input.reservationId ?? null,
        booking_number: bookingNumber,
        created_at: now,
        updated_at: now,
        waiting_since: now,
      });
      await repo.addMessage(tx, {
        inquiry_id: inquiry.id,
        author_id: userId,
        staff: false,
        body,
        created_at: now,
      });
      return inquiry.id;
    });
    return this.thread(id);
  }

  listMine(userId: string, page: number, size: number) {
    return this.d.repo.pageOf(this.d.db, userId, page, size);
  }

  /** The caller's inquiry with its thread (answers marked read); anyone else's is 404. */
  async mine(userId: string, id: string): Promise<Thread> {
    const row = await this.d.repo.byId(this.d.db, id);
    if (!row || row.user_id !== userId) throw new AppError('INQUIRY_NOT_FOUND');
    await this.d.repo.markRead(this.d.db, id, this.d.clock.now());
    return this.thread(id);
  }

  /**
   * A message from the buyer (their own inquiry: reopens it) or from an admin who is not its buyer
   * (an answer). Anyone else gets 404, as for an inquiry that does not exist.
   */
  async addMessage(caller: Caller, id: string, text: string, requestId?: string): Promise<ThreadMessage> {
    const row = await this.d.repo.byId(this.d.db, id);
    if (!row) throw new AppError('INQUIRY_NOT_FOUND');
    if (row.user_id === caller.id) return this.post(caller.id, id, text, false);
    if (caller.role === 'ADMIN') return this.post(caller.id, id, text, true, requestId);
    throw new AppError('INQUIRY_NOT_FOUND');
  }

  /** The support desk's answer: always a staff message. */
  answer(adminId: string, id: string, text: string, requestId?: string): Promise<ThreadMessage> {
    return this.post(adminId, id, text, true, requestId);
  }

  /** The buyer closes their own inquiry (idempotent). */
  async closeMine(userId: string, id: string): Promise<InquiryRow> {
    return this.close(id, (row) => {
      if (row.user_id !== userId) throw new AppError('INQUIRY_NOT_FOUND');
    });
  }

  /** The support desk closes an inquiry (idempotent), recorded in the audit log. */
  async closeByStaff(adminId: string, id: string, requestId?: string): Promise<InquiryRow> {
    return this.close(id, undefined, async (tx, before, after) => {
      await this.d.audit.record(tx, {
        actorId: adminId,
        action: 'inquiry.close',
        target: { type: 'inquiries', id },
        before: { status: before.status },
        after: { status: after.status },
        requestId,
      });
    });
  }

  desk(filter: DeskFilter, page: number, size: number) {
    return this.d.repo.deskPage(this.d.db, filter, page, size);
  }

  async deskThread(id: string): Promise<Thread> {
    if (!(await this.d.repo.byId(this.d.db, id))) throw new AppError('INQUIRY_NOT_FOUND');
    return this.thread(id);
  }

  /** Nickname and email of these buyers (the desk's list). */
  people(ids: string[]) {
    return this.d.people.profiles([...new Set(ids)]);
  }

  private async close(
    id: string,
    check?: (row: InquiryRow) => void,
    record?: (tx: Tx, before: InquiryRow, after: InquiryRow) => Promise<void>,
  ): Promise<InquiryRow> {
    const now = this.d.clock.now();
    return this.d.db.transaction().execute(async (tx) => {
      const row = await this.d.repo.lock(tx, id);
      if (!row) throw new AppError('INQUIRY_NOT_FOUND');
      check?.(row);
      if (row.status === 'CLOSED') return row;
      const after = await this.d.repo.update(tx, id, {
        status: nextStatus(row.status, 'close'),
        closed_at: now,
        waiting_since: null,
        updated_at: now,
      });
      await record?.(tx, row, after);
      return after;
    });
  }

  /**
   * Adds a message under the inquiry's row lock, so two messages at once queue and each status
   * change sees the one before it; a staff message writes `inquiry.answered` in the same transaction.
   */
  private async post(
    authorId: string,
    id: string,
    text: string,
    staff: boolean,
    requestId?: string,
  ): Promise<ThreadMessage> {
    const body = clean(text);
    if (!body) throw fieldError('VALIDATION_FAILED', 'body.body', 'blank', 'must not be blank');
    if (!staff) await this.d.screen.assertClean(body);
    const { db, repo, clock } = this.d;
    const message = await db.transaction().execute(async (tx) => {
      const row = await repo.lock(tx, id);
      if (!row) throw new AppError('INQUIRY_NOT_FOUND');
      const now = clock.now();
      const status = nextStatus(row.status, staff ? 'staff-message' : 'buyer-message');
      const message = await repo.addMessage(tx, {
        inquiry_id: id,
        author_id: authorId,
        staff,
        body,
        created_at: now,
      });
      await repo.update(tx, id, {
        status,
        updated_at: now,
        closed_at: null,
        // The buyer waits from their first unanswered message.
        waiting_since: status === 'OPEN' ? (row.status === 'OPEN' ? row.waiting_since : now) : null,
        ...(staff && { last_answer_at: now }),
      });
      if (staff) {
        await appendEvent(
          tx,
          'inquiry.answered',
          { type: 'inquiry', id },
          {
            inquiryId: id,
            messageId: message.id,
            userId: row.user_id,
            title: row.title,
            category: row.category,
            excerpt: [...body].slice(0, INQUIRY_LIMITS.excerpt).join(''),
            answeredAt: now.toISOString(),
          },
        );
        await this.d.audit.record(tx, {
          actorId: authorId,
          action: 'inquiry.answer',
          target: { type: 'inquiries', id },
          before: { status: row.status },
          after: { status, messageId: message.id },
          requestId,
        });
      }
      return message;
    });
    const [view] = await this.viewMessages([message]);
    return view!;
  }

  private async thread(id: string): Promise<Thread> {
    const inquiry = (await this.d.repo.byId(this.d.db, id))!;
    const rows = await this.d.repo.messages(this.d.db, id);
    const people = await this.d.people.profiles([inquiry.user_id]);
    const buyer = people.get(inquiry.user_id);
    return {
      inquiry,
      messages: await this.viewMessages(rows, people),
      buyer: { id: inquiry.user_id, nickname: buyer?.nickname ?? '(탈퇴한 회원)', email: buyer?.email ?? '' },
    };
  }

  private async viewMessages(
    rows: MessageRow[],
    known?: Map<string, { nickname: string; email: string }>,
  ): Promise<ThreadMessage[]> {
    const people =
      known ?? (await this.d.people.profiles(rows.filter((r) => !r.staff).map((r) => r.author_id)));
    return rows.map((r) => ({
      id: r.id,
      author: {
        nickname: r.staff ? STAFF_NICKNAME : (people.get(r.author_id)?.nickname ?? '(탈퇴한 회원)'),
        staff: r.staff,
      },
      body: r.body,
      createdAt: r.created_at,
    }));
  }
}
