import type { WebSocket } from 'ws';
import type { Logger } from '../../infra/logger.ts';
import type { AccessTokens, EndedSessionsView } from '../auth/tokens.ts';
import type { ChatHub } from './chat-hub.ts';
import { ChatConnection, CLOSE, type SocketLimits } from './chat-socket.ts';
import type { ChatService } from './chat.service.ts';

/**
 * Every chat socket of one API process: the connection cap (one more is closed with 1013), the
 * heartbeat (a ping each interval; a socket that did not answer the previous one is destroyed, and
 * one whose session has ended is closed with 4401), and shutdown (1001 to everyone).
 */
export class ChatSockets {
  private readonly open = new Set<ChatConnection>();
  private heartbeat?: NodeJS.Timeout;
  /** Counters for tests and the bench. */
  readonly stats = { refusedFull: 0 };

  constructor(
    private readonly d: {
      service: ChatService;
      hub: ChatHub;
      tokens: AccessTokens;
      endedSessions: EndedSessionsView;
      log: Logger;
      limits: SocketLimits & { maxConnections: number; heartbeatMs: number };
    },
  ) {}

  get size(): number {
    return this.open.size;
  }

  /** The open connections (tests look at their buffers). */
  connections(): ChatConnection[] {
    return [...this.open];
  }

  accept(socket: WebSocket, performanceId: string): void {
    if (this.open.size >= this.d.limits.maxConnections) {
      this.stats.refusedFull += 1;
      socket.close(CLOSE.INSTANCE_FULL, 'this server is full; try again later');
      setTimeout(() => socket.terminate(), 1_000).unref();
      return;
    }
    const conn = new ChatConnection(socket, performanceId, {
      service: this.d.service,
      hub: this.d.hub,
      tokens: this.d.tokens,
      log: this.d.log,
      limits: this.d.limits,
      onGone: (c) => this.open.delete(c),
    });
    this.open.add(conn);
    this.heartbeat ??= setInterval(() => this.beat(), this.d.limits.heartbeatMs);
    this.heartbeat.unref();
  }

  private beat(): void {
    for (const conn of [...this.open]) {
      if (!conn.alive) {
        conn.socket.terminate();
        continue;
      }
      if (conn.sessionId && this.d.endedSessions.has(conn.sessionId)) {
        conn.close(CLOSE.UNAUTHORIZED, 'the session has ended');
        continue;
      }
      conn.alive = false;
      try {
        conn.socket.ping();
      } catch {
        conn.socket.terminate();
      }
    }
    if (this.open.size === 0) {
      clearInterval(this.heartbeat);
      this.heartbeat = undefined;
    }
  }

  /** Tells every socket the server is going (1001) and waits up to a second for them to go. */
  async closeAll(): Promise<void> {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    const sockets = [...this.open].map((c) => c.socket);
    for (const conn of [...this.open]) conn.close(CLOSE.SHUTDOWN, 'server shutting down');
    const deadline = Date.now() + 1_000;
    while (sockets.some((s) => s.readyState !== 3) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    for (const s of sockets) s.terminate();
  }
}
