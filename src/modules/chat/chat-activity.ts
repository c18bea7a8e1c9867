import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import type { Logger } from '../../infra/logger.ts';
import type { RedisClient } from '../../infra/redis.ts';
import type { ChatHub } from './chat-hub.ts';
import type { ChatRepository } from './chat.repository.ts';
import type { ChatNotifier } from './ports.ts';

/** Members looked up per query in one round. */
const BATCH = 500;

/**
 * CHAT_ACTIVITY: a member who is not connected when their room gets messages is told once per away
 * period. Per room, a debounced round (not one per message): the first message after a quiet spell
 * takes a short Redis key (SET NX PX, so one instance across all of them), and `delayMs` later that
 * instance asks PostgreSQL for the members with news since they were last seen and not yet told
 * (one query per 500), leaves out whoever is online now, and hands the rest to the Notifier in one
 * call. The dedupe key names the away period (`CHAT_ACTIVITY:<performanceId>:<lastSeenEpochMs>`),
 * so a second round, or a second instance, creates nothing new; `notified_at` keeps later rounds
 * from asking again until the member comes back (connecting moves `last_seen_at`).
 *
 * A process that stops before its round runs loses only that round: the key expires and the next
 * message schedules another.
 */
export class ChatActivity {
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly d: {
      db: Db;
      repo: ChatRepository;
      redis: RedisClient;
      hub: ChatHub;
      notifier: ChatNotifier;
      clock: Clock;
      log: Logger;
      delayMs: number;
    },
  ) {}

  /** A message was stored in the room: make sure a round runs in `delayMs`. */
  schedule(performanceId: string): void {
    if (this.closed) return;
    void this.d.redis
      .set(`chat:activity:${performanceId}`, '1', 'PX', this.d.delayMs, 'NX')
      .then((won) => {
        if (won !== 'OK' || this.closed) return;
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          void this.run(performanceId).catch((err: Error) =>
            this.d.log.warn({ err: err.message, performanceId }, 'chat activity round failed'),
          );
        }, this.d.delayMs);
        this.timers.add(timer);
      })
      .catch((err: Error) => this.d.log.warn({ err: err.message }, 'chat activity schedule failed'));
  }

  /** One round for a room; returns how many notifications were created. */
  async run(performanceId: string): Promise<number> {
    const { db, repo, clock } = this.d;
    const online = await this.d.hub.onlineUsers(performanceId);
    let created = 0;
    // Each batch is marked before the next is read, so the loop ends.
    for (;;) {
      const away = await repo.awayWithNews(db, performanceId, BATCH);
      if (away.length === 0) break;
      const offline = away.filter((m) => !online.has(m.userId));
      created += await this.d.notifier.deliver(
        offline.map((m) => ({
          userId: m.userId,
          type: 'CHAT_ACTIVITY' as const,
          dedupeKey: `CHAT_ACTIVITY:${performanceId}:${m.lastSeenAt.getTime()}`,
          title: '팬 채팅에 새 메시지가 있어요',
          body: '참여한 공연 채팅방에 새 메시지가 올라왔습니다. 들어와서 확인해 보세요.',
          link: `/performances/${performanceId}?tab=chat`,
        })),
      );
      // Online members are marked too: they are reading the messages now.
      await repo.markNotified(
        db,
        performanceId,
        away.map((m) => m.userId),
        clock.now(),
      );
      if (away.length < BATCH) break;
    }
    return created;
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
