import type { WebSocket } from 'ws';
import { AppError } from '../../errors.ts';
import type { Logger } from '../../infra/logger.ts';
import type { AccessTokens } from '../auth/tokens.ts';
import type { ChatHub, ChatSink, OutFrame } from './chat-hub.ts';
import { parseClientFrame, type ClientFrame } from './chat.schemas.ts';
import type { ChatService } from './chat.service.ts';

/**
 * Close codes of the chat socket (docs/chat.md). 1xxx are the standard ones; 4xxx are ours, their
 * last three digits echo the HTTP status they resemble.
 */
export const CLOSE = {
  /** The server is shutting down: reconnect (to another instance) and resume. */
  SHUTDOWN: 1001,
  /** This instance holds as many chat sockets as it may: reconnect later (or elsewhere). */
  INSTANCE_FULL: 1013,
  /** Too many frames that were not valid. */
  BAD_FRAMES: 4400,
  /** The auth frame was wrong, the token invalid or expired, or the session ended. */
  UNAUTHORIZED: 4401,
  /** No listed performance has this id. */
  NOT_FOUND: 4404,
  /** No auth frame within CHAT_AUTH_TIMEOUT_MS. */
  AUTH_TIMEOUT: 4408,
  /** The client did not read fast enough: more than CHAT_MAX_BUFFERED_BYTES waited to be sent. */
  TOO_SLOW: 4008,
} as const;

export interface SocketLimits {
  authTimeoutMs: number;
  maxBufferedBytes: number;
  /** Bad frames tolerated (each answered by an error frame); one more closes with 4400. */
  maxBadFrames: number;
  /** Messages read per query while replaying. */
  replayPage: number;
  /** Live frames one socket may hold while it joins or replays; more drop it as too slow. */
  maxQueuedFrames: number;
}

export interface SocketDeps {
  service: ChatService;
  hub: ChatHub;
  tokens: AccessTokens;
  log: Logger;
  limits: SocketLimits;
  /** Called once when the connection is over (the registry forgets it). */
  onGone: (conn: ChatConnection) => void;
}

const OPEN = 1;
/** A client's frames waiting to be handled (one at a time); more are refused with an error frame. */
const MAX_PENDING_FRAMES = 32;
/** How long a dropped socket gets to take its close frame before it is destroyed. */
const CLOSE_GRACE_MS = 1_000;

/**
 * One chat WebSocket: the first frame authenticates, `ready` answers with the room's newest id, and
 * from then on the hub's frames flow to it. Every send first looks at how much is still unsent; past
 * the bound the socket is dropped (4008) instead of buffering without end. Frames the hub delivers
 * while the socket is replaying (or joining) wait in a bounded line and go out after, deduplicated
 * by message id.
 */
export class ChatConnection implements ChatSink {
  userId = '';
  sessionId = '';
  private nickname = '';
  private state: 'auth' | 'joining' | 'open' | 'closed' = 'auth';
  private joined = false;
  /** Frames held while joining or replaying; null when frames go straight out. */
  private held: OutFrame[] | null = null;
  /** The room's newest id when this socket joined: every message above it came to it live. */
  private liveFloor = 0;
  /** The largest message id sent on this socket. */
  private lastSentId = 0;
  private badFrames = 0;
  private queued = 0;
  private chain: Promise<void> = Promise.resolve();
  private readonly authTimer: NodeJS.Timeout;
  /** Cleared by each heartbeat, set by each pong. */
  alive = true;
  /** The largest unsent byte count seen before a send (tests and the bench read it). */
  maxBuffered = 0;

  constructor(
    readonly socket: WebSocket,
    readonly performanceId: string,
    private readonly d: SocketDeps,
  ) {
    this.authTimer = setTimeout(() => this.close(CLOSE.AUTH_TIMEOUT, 'auth timeout'), d.limits.authTimeoutMs);
    socket.on('message', (data, isBinary) => this.onFrame(data, isBinary));
    socket.on('pong', () => {
      this.alive = true;
    });
    socket.on('close', () => this.gone());
    socket.on('error', () => this.gone());
  }

  /** Read through a getter so checks after an await are not narrowed away. */
  private get closed(): boolean {
    return this.state === 'closed';
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  // --- ChatSink ----------------------------------------------------------------------------------

  deliver(frame: OutFrame): void {
    if (this.state === 'closed') return;
    if (this.held) {
      if (this.held.length >= this.d.limits.maxQueuedFrames) return this.drop();
      this.held.push(frame);
      return;
    }
    this.sendFrame(frame);
  }

  // --- sending -----------------------------------------------------------------------------------

  private sendFrame(frame: OutFrame): void {
    if (frame.kind === 'message') {
      if (frame.id <= this.lastSentId) return;
      this.lastSentId = frame.id;
    }
    this.write(frame.data);
  }

  /** False when the socket is gone or was just dropped for being slow. */
  private write(data: string | Buffer): boolean {
    if (this.state === 'closed' || this.socket.readyState !== OPEN) return false;
    const buffered = this.socket.bufferedAmount;
    if (buffered > this.maxBuffered) this.maxBuffered = buffered;
    if (buffered > this.d.limits.maxBufferedBytes) {
      this.drop();
      return false;
    }
    // A Buffer goes out as a text frame (binary: false) without being copied or encoded again.
    this.socket.send(data, { binary: false });
    return true;
  }

  private sendJson(value: object): boolean {
    return this.write(JSON.stringify(value));
  }

  private sendError(err: unknown, clientId?: string): void {
    if (err instanceof AppError) {
      this.sendJson({
        type: 'error',
        code: err.code,
        detail: err.detail ?? err.title,
        ...(clientId ? { clientId } : {}),
        ...err.extra,
      });
      return;
    }
    this.d.log.warn({ err: (err as Error).message, performanceId: this.performanceId }, 'chat frame failed');
    this.sendJson({
      type: 'error',
      code: 'SERVICE_UNAVAILABLE',
      detail: 'Try again',
      ...(clientId ? { clientId } : {}),
    });
  }

  // --- receiving ---------------------------------------------------------------------------------

  private onFrame(data: unknown, isBinary: boolean): void {
    if (this.state === 'closed') return;
    const frame = isBinary ? { invalid: 'frames are JSON text' } : parseClientFrame(String(data));
    if (this.state === 'auth') {
      clearTimeout(this.authTimer);
      if ('invalid' in frame || frame.type !== 'auth') {
        this.close(CLOSE.UNAUTHORIZED, 'the first frame must be {type:"auth", token}');
        return;
      }
      this.state = 'joining';
      void this.authenticate(frame.token).catch((err: Error) => {
        this.d.log.warn({ err: err.message }, 'chat join failed');
        this.close(CLOSE.SHUTDOWN, 'could not join the room; reconnect');
      });
      return;
    }
    if ('invalid' in frame || frame.type === 'auth') {
      this.badFrame('invalid' in frame ? frame.invalid : 'already authenticated');
      return;
    }
    if (this.queued >= MAX_PENDING_FRAMES) {
      this.sendError(new AppError('CHAT_RATE_LIMITED', 'Too many frames at once', { retryAfterSeconds: 1 }));
      return;
    }
    this.queued += 1;
    // One frame at a time per socket, in the order sent (a message's ack keeps its place).
    this.chain = this.chain
      .then(() => this.handle(frame))
      .catch((err) => this.sendError(err))
      .finally(() => {
        this.queued -= 1;
      });
  }

  private badFrame(why: string): void {
    this.badFrames += 1;
    if (this.badFrames > this.d.limits.maxBadFrames) {
      this.close(CLOSE.BAD_FRAMES, 'too many invalid frames');
      return;
    }
    this.sendError(new AppError('VALIDATION_FAILED', why));
  }

  private async handle(frame: Exclude<ClientFrame, { type: 'auth' }>): Promise<void> {
    if (this.state !== 'open') return;
    switch (frame.type) {
      case 'ping':
        this.sendJson({ type: 'pong' });
        return;
      case 'resume':
        await this.resume(frame.afterId);
        return;
      case 'message':
        try {
          const { frame: stored, published } = await this.d.service.send(
            { id: this.userId, nickname: this.nickname },
            this.performanceId,
            frame,
          );
          // A new message reaches this socket through the hub. A resend (and a message whose
          // publish failed: the others get it at the next message's gap) is answered here.
          if (!published) this.sendJson(stored);
        } catch (err) {
          this.sendError(err, frame.clientId);
        }
        return;
    }
  }

  private async authenticate(token: string): Promise<void> {
    let claims;
    try {
      claims = await this.d.tokens.verify(token);
    } catch {
      this.close(CLOSE.UNAUTHORIZED, 'the token is invalid, expired or of an ended session');
      return;
    }
    const { service, hub } = this.d;
    if (!(await service.isListed(this.performanceId))) {
      this.close(CLOSE.NOT_FOUND, 'no such performance');
      return;
    }
    this.userId = claims.userId;
    this.sessionId = claims.sessionId;
    this.nickname = await service.nicknameOf(claims.userId);
    if (this.closed) return;
    this.held = [];
    this.joined = true;
    await hub.join(this.performanceId, this);
    const lastId = await service.lastId(this.performanceId);
    if (this.closed) return;
    this.liveFloor = lastId;
    this.lastSentId = lastId;
    this.state = 'open';
    this.sendJson({ type: 'ready', lastId });
    const online = hub.onlineCount(this.performanceId);
    if (online >= 0) this.sendJson({ type: 'presence', online });
    this.release();
    void service.seen(this.userId, this.performanceId).catch(() => undefined);
  }

  /** Frames held while joining or replaying go out now, deduplicated by id. */
  private release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const frame of held) this.sendFrame(frame);
  }

  /**
   * Replays the stored messages after `afterId` from PostgreSQL, then goes back to live frames (held
   * meanwhile). Messages this socket already got live are not sent again.
   */
  private async resume(afterId: number): Promise<void> {
    this.held ??= [];
    const sentLiveFrom = this.liveFloor;
    const sentLiveTo = this.lastSentId;
    let cursor = afterId;
    let highest = this.lastSentId;
    try {
      for (;;) {
        const page = await this.d.service.after(this.performanceId, cursor, this.d.limits.replayPage);
        for (const m of page) {
          cursor = m.id;
          if (m.id > sentLiveFrom && m.id <= sentLiveTo) continue;
          if (!this.sendJson({ type: 'message', ...m })) return;
          if (m.id > highest) highest = m.id;
        }
        if (page.length < this.d.limits.replayPage || this.state !== 'open') break;
      }
    } finally {
      this.lastSentId = Math.max(this.lastSentId, highest);
      if (this.state === 'open') this.release();
    }
  }

  // --- ending ------------------------------------------------------------------------------------

  /** Too slow: told with 4008 if it can still hear it, and destroyed shortly after either way. */
  private drop(): void {
    if (this.state === 'closed') return;
    this.d.log.info({ userId: this.userId, performanceId: this.performanceId }, 'slow chat socket dropped');
    this.close(CLOSE.TOO_SLOW, 'too slow: frames were not read');
  }

  close(code: number, reason: string): void {
    if (this.state === 'closed') return;
    this.gone();
    try {
      this.socket.close(code, reason);
    } catch {
      // Already closing.
    }
    const socket = this.socket;
    setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref();
  }

  /** Forgets the socket everywhere: once, whichever way it ended. */
  private gone(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    clearTimeout(this.authTimer);
    this.held = null;
    if (this.joined) {
      this.d.hub.leave(this.performanceId, this);
      void this.d.service.seen(this.userId, this.performanceId).catch(() => undefined);
    }
    this.d.onGone(this);
  }
}
