import { randomUUID } from 'node:crypto';
import { subscriberConnection } from '../../infra/pubsub.ts';
import type { Logger } from '../../infra/logger.ts';
import { channelName, type RedisClient } from '../../infra/redis.ts';
import type { MessageFrame } from './chat.schemas.ts';

/**
 * One frame as it goes out: serialised and UTF-8 encoded once for every local socket of the room
 * (ws sends a Buffer as is; a string would be encoded again per socket), and its message id.
 */
export interface OutFrame {
  kind: 'message' | 'deleted' | 'presence';
  /** The message id (message, deleted); 0 for presence. */
  id: number;
  data: Buffer;
}

const encode = (value: object): Buffer => Buffer.from(JSON.stringify(value));

/** A local socket of a room, as the hub sees it. */
export interface ChatSink {
  readonly userId: string;
  deliver(frame: OutFrame): void;
}

/** What crosses instances on a room's channel. */
type Published = { t: 'm'; seq: number; f: MessageFrame } | { t: 'd'; id: number };

/** The room's messages with `from <= seq <= to` (deleted ones as null), for a gap left by a late publish. */
export type SeqSource = (
  performanceId: string,
  from: number,
  to: number,
) => Promise<{ seq: number; frame: MessageFrame | null }[]>;

interface Room {
  performanceId: string;
  channel: string;
  sinks: Set<ChatSink>;
  /** Local sockets per user. */
  users: Map<string, number>;
  /** The seq delivered next; null until the room's counter is read. */
  nextSeq: number | null;
  /** The counter could not be read: the first message that arrives sets `nextSeq`. */
  adoptFirst: boolean;
  /** Arrived ahead of `nextSeq` (a publisher was slower than a later one). */
  pending: Map<number, MessageFrame>;
  gapTimer?: NodeJS.Timeout;
  /** The online count last sent to this room's local sockets. */
  online: number;
  ready: Promise<void>;
}

export interface ChatHubOptions {
  /** How often this instance writes its presence (and reads everyone's). */
  presenceIntervalMs: number;
  /** How long a gap in a room's seq waits for its publish before it is read from PostgreSQL. */
  gapWaitMs?: number;
  keyPrefix: string;
}

const INSTANCES_KEY = 'chat:{presence}:instances';
const instanceKey = (id: string) => `chat:{presence}:i:${id}`;

/**
 * The chat's fan-out in one API process. Rooms with local sockets are subscribed on one Redis
 * connection of their own (a channel per performance); every published frame is serialised once and
 * handed to each local socket of its room. Messages carry their room's gapless `seq`, so the hub
 * delivers them in order even when two instances publish in the other order: an early one waits
 * (briefly) for the ones before it, and a gap that outlives `gapWaitMs` is read from PostgreSQL.
 *
 * Presence: the hub keeps its local users per room and, every `presenceIntervalMs` (sooner after a
 * change, at most a few times a second), replaces one Redis hash of its own (room → user ids) with a
 * TTL and refreshes its entry in a sorted set of live instances: one write per instance per interval,
 * never one per user. Online = the union over live instances. The keys share the hash tag
 * `{presence}`, so the MULTI and pipelines run unchanged on Redis Cluster.
 */
export class ChatHub {
  readonly instanceId = randomUUID();
  private readonly rooms = new Map<string, Room>();
  private readonly byChannel = new Map<string, Room>();
  private sub: RedisClient | undefined;
  private presenceTimer?: NodeJS.Timeout;
  private flushTimer?: NodeJS.Timeout;
  private flushing = false;
  private closed = false;
  /** Counters for tests, metrics and the bench. */
  readonly stats = { delivered: 0, gapsFilled: 0, outOfOrder: 0 };

  constructor(
    private readonly redis: RedisClient,
    private readonly fill: SeqSource,
    private readonly lastSeqOf: (performanceId: string) => Promise<number>,
    private readonly log: Logger,
    private readonly options: ChatHubOptions,
  ) {}

  get roomCount(): number {
    return this.rooms.size;
  }

  /** The room's online count as last computed (-1 before the first presence round). */
  onlineCount(performanceId: string): number {
    return this.rooms.get(performanceId)?.online ?? -1;
  }

  /** Sockets registered in a room on this instance. */
  sinkCount(performanceId: string): number {
    return this.rooms.get(performanceId)?.sinks.size ?? 0;
  }

  /**
   * Adds a socket to a room; resolves once the room's channel is subscribed and its counter read, so
   * every message committed after this resolves reaches the socket.
   */
  async join(performanceId: string, sink: ChatSink): Promise<void> {
    let room = this.rooms.get(performanceId);
    if (!room) {
      const channel = channelName(this.options.keyPrefix, `chat:${performanceId}`);
      const created: Room = {
        performanceId,
        channel,
        sinks: new Set(),
        users: new Map(),
        nextSeq: null,
        adoptFirst: false,
        pending: new Map(),
        online: -1,
        ready: Promise.resolve(),
      };
      created.ready = this.openRoom(performanceId, created);
      this.rooms.set(performanceId, created);
      this.byChannel.set(channel, created);
      room = created;
    }
    room.sinks.add(sink);
    const n = room.users.get(sink.userId) ?? 0;
    room.users.set(sink.userId, n + 1);
    if (n === 0) this.presenceChanged();
    this.startPresence();
    await room.ready;
  }

  leave(performanceId: string, sink: ChatSink): void {
    const room = this.rooms.get(performanceId);
    if (!room || !room.sinks.delete(sink)) return;
    const n = (room.users.get(sink.userId) ?? 1) - 1;
    if (n <= 0) {
      room.users.delete(sink.userId);
      this.presenceChanged();
    } else {
      room.users.set(sink.userId, n);
    }
    if (room.sinks.size > 0) return;
    clearTimeout(room.gapTimer);
    this.rooms.delete(performanceId);
    this.byChannel.delete(room.channel);
    void this.sub?.unsubscribe(room.channel).catch(() => undefined);
  }

  /** Sends a stored message to every instance (the caller has committed it). */
  async publishMessage(performanceId: string, seq: number, frame: MessageFrame): Promise<void> {
    await this.publish(performanceId, { t: 'm', seq, f: frame });
  }

  async publishDeleted(performanceId: string, id: number): Promise<void> {
    await this.publish(performanceId, { t: 'd', id });
  }

  /** Users connected to a room on any live instance (this one from memory, the others from Redis). */
  async onlineUsers(performanceId: string): Promise<Set<string>> {
    const online = new Set(this.rooms.get(performanceId)?.users.keys() ?? []);
    const others = await this.otherInstances();
    if (others.length === 0) return online;
    const pipeline = this.redis.pipeline();
    for (const id of others) pipeline.hget(instanceKey(id), performanceId);
    const results = (await pipeline.exec()) ?? [];
    for (const [err, value] of results) {
      if (err || typeof value !== 'string' || value === '') continue;
      for (const userId of value.split(',')) online.add(userId);
    }
    return online;
  }

  /** Stops timers, drops this instance's presence and closes the subscriber connection. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.presenceTimer);
    clearTimeout(this.flushTimer);
    for (const room of this.rooms.values()) clearTimeout(room.gapTimer);
    this.rooms.clear();
    this.byChannel.clear();
    this.sub?.disconnect();
    this.sub = undefined;
    try {
      await this.redis.multi().del(instanceKey(this.instanceId)).zrem(INSTANCES_KEY, this.instanceId).exec();
    } catch {
      // Its entries expire by themselves.
    }
  }

  // --- rooms and ordering ------------------------------------------------------------------------

  private async openRoom(performanceId: string, room: Room): Promise<void> {
    try {
      await this.connection().subscribe(room.channel);
      room.nextSeq = (await this.lastSeqOf(performanceId)) + 1;
    } catch (err) {
      this.log.warn({ err: (err as Error).message, performanceId }, 'chat room subscribe failed');
      // Never replay the room's whole past as a "gap": start from whatever arrives first.
      room.adoptFirst = room.nextSeq === null;
    }
    this.drain(performanceId, room);
  }

  private async publish(performanceId: string, item: Published): Promise<void> {
    const channel = channelName(this.options.keyPrefix, `chat:${performanceId}`);
    await this.redis.publish(channel, JSON.stringify(item));
  }

  private connection(): RedisClient {
    // After a reconnect every room still open here is subscribed again. What was published while the
    // connection was down shows as a seq gap at the next message and is read from PostgreSQL.
    this.sub ??= subscriberConnection(this.redis, {
      name: 'chat:subscriber',
      log: this.log,
      wanted: () => [...this.byChannel.keys()],
      onMessage: (channel, text) => this.dispatch(channel, text),
    });
    return this.sub;
  }

  private dispatch(channel: string, text: string): void {
    const room = this.byChannel.get(channel);
    if (!room) return;
    let item: Published;
    try {
      item = JSON.parse(text) as Published;
    } catch {
      this.log.warn({ channel }, 'bad chat message on the channel');
      return;
    }
    if (item.t === 'd') {
      this.emit(room, {
        kind: 'deleted',
        id: item.id,
        data: encode({ type: 'deleted', id: item.id }),
      });
      return;
    }
    room.pending.set(item.seq, item.f);
    this.drain(room.performanceId, room);
  }

  /** Delivers what is next in seq order; a gap left waiting too long is read from PostgreSQL. */
  private drain(performanceId: string, room: Room): void {
    if (room.nextSeq === null && room.adoptFirst && room.pending.size > 0) {
      room.nextSeq = Math.min(...room.pending.keys());
    }
    if (room.nextSeq === null) return;
    for (const seq of [...room.pending.keys()]) if (seq < room.nextSeq) room.pending.delete(seq);
    let frame = room.pending.get(room.nextSeq);
    while (frame) {
      room.pending.delete(room.nextSeq);
      room.nextSeq += 1;
      this.emit(room, { kind: 'message', id: frame.id, data: encode(frame) });
      frame = room.pending.get(room.nextSeq);
    }
    if (room.pending.size === 0) {
      clearTimeout(room.gapTimer);
      room.gapTimer = undefined;
      return;
    }
    this.stats.outOfOrder += 1;
    room.gapTimer ??= setTimeout(() => {
      room.gapTimer = undefined;
      void this.fillGap(performanceId, room);
    }, this.options.gapWaitMs ?? 500);
  }

  private async fillGap(performanceId: string, room: Room): Promise<void> {
    if (room.nextSeq === null || room.pending.size === 0 || this.rooms.get(performanceId) !== room) return;
    const from = room.nextSeq;
    const to = Math.min(...room.pending.keys()) - 1;
    try {
      const found = await this.fill(performanceId, from, to);
      for (const { seq, frame } of found) {
        if (room.nextSeq === null || seq !== room.nextSeq) continue;
        room.nextSeq += 1;
        this.stats.gapsFilled += 1;
        if (frame) this.emit(room, { kind: 'message', id: frame.id, data: encode(frame) });
      }
      // Not in PostgreSQL either (cannot happen with the counter's row lock): skip past it.
      if (room.nextSeq !== null && room.nextSeq <= to) room.nextSeq = to + 1;
    } catch (err) {
      this.log.warn({ err: (err as Error).message, performanceId }, 'chat gap fill failed');
    }
    this.drain(performanceId, room);
  }

  private emit(room: Room, frame: OutFrame): void {
    for (const sink of [...room.sinks]) {
      this.stats.delivered += 1;
      try {
        sink.deliver(frame);
      } catch (err) {
        this.log.warn({ err: (err as Error).message }, 'chat socket delivery failed');
      }
    }
  }

  // --- presence ----------------------------------------------------------------------------------

  private startPresence(): void {
    if (this.presenceTimer || this.closed) return;
    this.presenceTimer = setInterval(() => void this.flushPresence(), this.options.presenceIntervalMs);
    this.presenceTimer.unref();
  }

  /** A user came or went here: write soon (coalesced), so others see it within a fraction of a second. */
  private presenceChanged(): void {
    if (this.flushTimer || this.closed) return;
    this.flushTimer = setTimeout(
      () => {
        this.flushTimer = undefined;
        void this.flushPresence();
      },
      Math.min(250, this.options.presenceIntervalMs),
    );
    this.flushTimer.unref();
  }

  private async otherInstances(): Promise<string[]> {
    // Wall time on purpose: liveness is decided by the same clock that expires the hashes (Redis TTL).
    const ids = await this.redis.zrangebyscore(INSTANCES_KEY, Date.now(), '+inf');
    return ids.filter((id) => id !== this.instanceId);
  }

  /** Writes this instance's rooms and users (one MULTI), then sends changed online counts locally. */
  private async flushPresence(): Promise<void> {
    if (this.flushing || this.closed) return;
    this.flushing = true;
    try {
      const ttl = this.options.presenceIntervalMs * 3;
      const now = Date.now();
      const key = instanceKey(this.instanceId);
      const fields: Record<string, string> = {};
      for (const [id, room] of this.rooms) {
        if (room.users.size > 0) fields[id] = [...room.users.keys()].join(',');
      }
      const multi = this.redis.multi().del(key);
      if (Object.keys(fields).length > 0) multi.hset(key, fields).pexpire(key, ttl);
      multi.zadd(INSTANCES_KEY, now + ttl, this.instanceId).zremrangebyscore(INSTANCES_KEY, '-inf', now);
      await multi.exec();
      if (this.rooms.size === 0) {
        // Nothing open here any more: stop writing until a socket comes back.
        clearInterval(this.presenceTimer);
        this.presenceTimer = undefined;
        return;
      }
      // Everyone's users of the rooms open here: one pipeline of HMGETs, one per other instance.
      const ids = [...this.rooms.keys()];
      const others = await this.otherInstances();
      const remote = new Map<string, Set<string>>(ids.map((id) => [id, new Set<string>()]));
      if (others.length > 0) {
        const pipeline = this.redis.pipeline();
        for (const other of others) pipeline.hmget(instanceKey(other), ...ids);
        for (const [err, values] of (await pipeline.exec()) ?? []) {
          if (err || !Array.isArray(values)) continue;
          values.forEach((value, i) => {
            if (typeof value !== 'string' || value === '') return;
            for (const userId of value.split(',')) remote.get(ids[i]!)!.add(userId);
          });
        }
      }
      for (const [id, room] of this.rooms) {
        const users = remote.get(id) ?? new Set<string>();
        for (const userId of room.users.keys()) users.add(userId);
        const online = users.size;
        if (online === room.online) continue;
        room.online = online;
        this.emit(room, { kind: 'presence', id: 0, data: encode({ type: 'presence', online }) });
      }
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'chat presence flush failed');
    } finally {
      this.flushing = false;
    }
  }
}
