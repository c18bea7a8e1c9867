import { AppError } from '../../errors.ts';
import type { Clock } from '../../infra/clock.ts';
import type { ContentScreen } from '../../infra/content-screen.ts';
import type { Db } from '../../infra/db.ts';
import type { Logger } from '../../infra/logger.ts';
import type { RedisClient } from '../../infra/redis.ts';
import type { ChatActivity } from './chat-activity.ts';
import type { ChatHub } from './chat-hub.ts';
import type { ChatRepository, MessageRow } from './chat.repository.ts';
import { MEMBERS_LIST_MAX, type ChatMessage, type MessageFrame } from './chat.schemas.ts';
import type { ChatAuthors, ChatImages, ChatPerformances } from './ports.ts';

export interface ChatUser {
  id: string;
  nickname: string;
}

export interface ChatServiceDeps {
  db: Db;
  repo: ChatRepository;
  redis: RedisClient;
  hub: ChatHub;
  activity: ChatActivity;
  performances: ChatPerformances;
  authors: ChatAuthors;
  images: ChatImages;
  screen: ContentScreen;
  clock: Clock;
  log: Logger;
  limits: { messages: number; windowSeconds: number };
}

const toChatMessage = (row: MessageRow, nickname: string): ChatMessage => ({
  id: row.id,
  clientId: row.clientId,
  text: row.text,
  ...(row.imageUrl ? { imageUrl: row.imageUrl } : {}),
  author: { id: row.authorId, nickname },
  createdAt: row.createdAt.toISOString(),
});

/** Who wrote it when the account is gone (withdrawn users' rows are removed with them). */
const UNKNOWN_AUTHOR = '알 수 없음';

/**
 * The chat's rules: sending (idempotent per client id, muted, rate-limited, screened, images only
 * from our uploads), history, membership, moderation and reports. Stored messages are published to
 * every instance through the hub after they commit.
 */
export class ChatService {
  constructor(private readonly d: ChatServiceDeps) {}

  isListed(performanceId: string): Promise<boolean> {
    return this.d.performances.isListed(performanceId);
  }

  async assertListed(performanceId: string): Promise<void> {
    if (!(await this.d.performances.isListed(performanceId))) {
      throw new AppError('PERFORMANCE_NOT_FOUND');
    }
  }

  async nicknameOf(userId: string): Promise<string> {
    return (await this.d.authors.nicknamesOf([userId])).get(userId) ?? UNKNOWN_AUTHOR;
  }

  /** The room's newest message id (0 when empty): what `ready` carries. */
  lastId(performanceId: string): Promise<number> {
    return this.d.repo.lastId(this.d.db, performanceId);
  }

  /**
   * Stores a message and publishes it to every instance. A resent client id answers the stored
   * message (`resent: true`), published again to nobody: the caller hands it to the sender alone.
   */
  async send(
    user: ChatUser,
    performanceId: string,
    input: { text: string; clientId: string; imageUrl?: string },
  ): Promise<{ frame: MessageFrame; resent: boolean; published: boolean }> {
    const { db, repo, clock } = this.d;
    const existing = await repo.byClientId(db, user.id, input.clientId);
    if (existing) return this.resent(existing, user, performanceId);

    const now = clock.now();
    const until = await repo.mutedUntil(db, performanceId, user.id, now);
    if (until) {
      throw new AppError('CHAT_MUTED', `Muted in this room until ${until.toISOString()}`, {
        until: until.toISOString(),
      });
    }
    await this.takeRate(user.id);
    if (input.imageUrl !== undefined && !(await this.d.images.isChatImage(input.imageUrl))) {
      throw new AppError(
        'CHAT_IMAGE_INVALID',
        'imageUrl must be an image uploaded with POST /uploads/images',
      );
    }
    if (input.text !== '') await this.d.screen.assertClean(input.text);

    const row = await db.transaction().execute((tx) =>
      repo.insertMessage(tx, {
        performanceId,
        authorId: user.id,
        clientId: input.clientId,
        text: input.text,
        imageUrl: input.imageUrl ?? null,
        at: now,
      }),
    );
    if (!row) {
      // The same client id sent twice at once: the other one stored it.
      const stored = await repo.byClientId(db, user.id, input.clientId);
      if (!stored) throw new AppError('SERVICE_UNAVAILABLE', 'The message could not be stored');
      return this.resent(stored, user, performanceId);
    }
    const frame: MessageFrame = { type: 'message', ...toChatMessage(row, user.nickname) };
    let published = true;
    try {
      await this.d.hub.publishMessage(performanceId, row.seq, frame);
    } catch (err) {
      published = false;
      // Stored: every instance reads it from PostgreSQL at the next message's seq gap, and
      // reconnecting clients replay it.
      this.d.log.warn({ err: (err as Error).message, performanceId }, 'chat publish failed');
    }
    this.d.activity.schedule(performanceId);
    return { frame, resent: false, published };
  }

  private resent(row: MessageRow, user: ChatUser, performanceId: string) {
    if (row.performanceId !== performanceId) {
      throw new AppError('VALIDATION_FAILED', 'This clientId was used for a message in another room');
    }
    return {
      frame: { type: 'message', ...toChatMessage(row, user.nickname) } as MessageFrame,
      resent: true,
      published: false,
    };
  }

  /**
   * One fixed window per user across instances (Redis: the window is the key's expiry, Redis's own
   * clock). Over the limit → CHAT_RATE_LIMITED with the seconds until the window ends.
   */
  private async takeRate(userId: string): Promise<void> {
    const { messages, windowSeconds } = this.d.limits;
    const key = `chat:rate:${userId}`;
    const results = await this.d.redis
      .multi()
      .set(key, '0', 'EX', windowSeconds, 'NX')
      .incr(key)
      .pttl(key)
      .exec();
    const count = Number(results?.[1]?.[1] ?? 0);
    if (count <= messages) return;
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil(Number(results?.[2]?.[1] ?? windowSeconds * 1000) / 1000),
    );
    throw new AppError(
      'CHAT_RATE_LIMITED',
      `At most ${messages} messages per ${windowSeconds} s; try again in ${retryAfterSeconds} s`,
      { retryAfterSeconds, limit: messages },
    );
  }

  /** Rows as messages, with their authors' nicknames read in one call. */
  async toMessages(rows: MessageRow[]): Promise<ChatMessage[]> {
    const names = await this.d.authors.nicknamesOf([...new Set(rows.map((r) => r.authorId))]);
    return rows.map((r) => toChatMessage(r, names.get(r.authorId) ?? UNKNOWN_AUTHOR));
  }

  async history(
    performanceId: string,
    before: number | undefined,
    limit: number,
  ): Promise<{ items: ChatMessage[]; nextBefore: number | null }> {
    await this.assertListed(performanceId);
    const rows = await this.d.repo.history(this.d.db, performanceId, before ?? null, limit + 1);
    const more = rows.length > limit;
    const page = more ? rows.slice(1) : rows;
    return { items: await this.toMessages(page), nextBefore: more ? page[0]!.id : null };
  }

  /** Messages after `afterId`, oldest first (replay after a reconnect). */
  async after(performanceId: string, afterId: number, limit: number): Promise<ChatMessage[]> {
    return this.toMessages(await this.d.repo.after(this.d.db, performanceId, afterId, limit));
  }

  /** For the hub: a seq range, deleted messages as null. */
  async bySeq(performanceId: string, from: number, to: number) {
    const rows = await this.d.repo.bySeq(this.d.db, performanceId, from, to);
    const live = await this.toMessages(rows.filter((r) => !r.deleted));
    const byId = new Map(live.map((m) => [m.id, m]));
    return rows.map((r) => {
      const m = byId.get(r.id);
      return { seq: r.seq, frame: m ? ({ type: 'message', ...m } as MessageFrame) : null };
    });
  }

  lastSeq(performanceId: string): Promise<number> {
    return this.d.repo.lastSeq(this.d.db, performanceId);
  }

  // --- membership and presence -------------------------------------------------------------------

  async join(userId: string, performanceId: string): Promise<void> {
    await this.assertListed(performanceId);
    await this.d.repo.join(this.d.db, performanceId, userId, this.d.clock.now());
  }

  async leave(userId: string, performanceId: string): Promise<void> {
    await this.assertListed(performanceId);
    await this.d.repo.leave(this.d.db, performanceId, userId);
  }

  async isMember(userId: string, performanceId: string): Promise<boolean> {
    return this.d.repo.isMember(this.d.db, performanceId, userId);
  }

  async members(performanceId: string) {
    await this.assertListed(performanceId);
    const online = await this.d.hub.onlineUsers(performanceId);
    const { userIds, total } = await this.d.repo.members(
      this.d.db,
      performanceId,
      [...online],
      MEMBERS_LIST_MAX,
    );
    const names = await this.d.authors.nicknamesOf(userIds);
    return {
      items: userIds.map((id) => ({ id, nickname: names.get(id) ?? UNKNOWN_AUTHOR, online: online.has(id) })),
      total,
      online: online.size,
    };
  }

  /** A member connected or disconnected: the start or end of being here (nothing for non-members). */
  async seen(userId: string, performanceId: string): Promise<void> {
    await this.d.repo.touchLastSeen(this.d.db, performanceId, userId, this.d.clock.now());
  }

  // --- moderation --------------------------------------------------------------------------------

  /** Soft delete; every socket of the room is told. Deleting a deleted message again changes nothing. */
  async deleteMessage(adminId: string, messageId: number): Promise<void> {
    const { db, repo } = this.d;
    const row = await repo.byId(db, messageId);
    if (!row) throw new AppError('CHAT_MESSAGE_NOT_FOUND');
    const performanceId = await repo.softDelete(db, messageId, adminId, this.d.clock.now());
    if (!performanceId) return;
    this.d.log.info({ adminId, messageId, performanceId }, 'chat message deleted');
    await this.d.hub.publishDeleted(performanceId, messageId);
  }

  async mute(
    adminId: string,
    input: { performanceId: string; userId: string; minutes: number },
  ): Promise<{ performanceId: string; userId: string; until: string }> {
    await this.assertListed(input.performanceId);
    const names = await this.d.authors.nicknamesOf([input.userId]);
    if (!names.has(input.userId)) throw new AppError('USER_NOT_FOUND');
    const now = this.d.clock.now();
    const until = new Date(now.getTime() + input.minutes * 60_000);
    await this.d.repo.mute(this.d.db, { ...input, until, by: adminId, at: now });
    this.d.log.info({ adminId, ...input }, 'chat user muted');
    return { performanceId: input.performanceId, userId: input.userId, until: until.toISOString() };
  }

  /** Once per user and message; a deleted message cannot be reported. */
  async report(userId: string, messageId: number): Promise<void> {
    const { db, repo } = this.d;
    const row = await repo.byId(db, messageId);
    if (!row || row.deleted) throw new AppError('CHAT_MESSAGE_NOT_FOUND');
    if (!(await repo.report(db, messageId, userId, this.d.clock.now()))) {
      throw new AppError('CHAT_ALREADY_REPORTED');
    }
    this.d.log.info({ userId, messageId, performanceId: row.performanceId }, 'chat message reported');
  }
}
