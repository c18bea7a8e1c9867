import WebSocket from 'ws';

/** A frame as the server sends it (tests read what they need). */
export type Frame = { type: string; [k: string]: unknown };

/**
 * A real WebSocket client of the chat for tests and the bench: keeps every frame, answers nothing
 * by itself (ws answers pings), and can stop reading its socket to play a slow client.
 */
export class ChatTestClient {
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(String(data)) as Frame);
      for (const w of this.waiters.splice(0)) w();
    });
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        resolve({ code, reason: String(reason) });
        for (const w of this.waiters.splice(0)) w();
      });
    });
    ws.on('error', () => undefined);
  }

  /** Opens the socket (no frame sent yet). */
  static async connect(url: string, headers: Record<string, string> = {}): Promise<ChatTestClient> {
    const ws = new WebSocket(url, { headers });
    const client = new ChatTestClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
    return client;
  }

  /** Opens, authenticates and waits for `ready`. */
  static async join(url: string, token: string, afterId?: number): Promise<ChatTestClient> {
    const client = await ChatTestClient.connect(url);
    client.send({ type: 'auth', token });
    await client.waitFor((f) => f.type === 'ready');
    if (afterId !== undefined) client.send({ type: 'resume', afterId });
    return client;
  }

  send(frame: object): void {
    this.ws.send(JSON.stringify(frame));
  }

  get lastId(): number {
    return Number(this.frames.find((f) => f.type === 'ready')?.lastId ?? 0);
  }

  messages(): Array<Frame & { id: number; text: string; clientId: string }> {
    return this.frames.filter((f) => f.type === 'message') as never;
  }

  messageIds(): number[] {
    return this.messages().map((m) => m.id);
  }

  /** Resolves with the first frame (from the start) that matches; rejects after `timeoutMs`. */
  async waitFor(match: (f: Frame) => boolean, timeoutMs = 10_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find(match);
      if (found) return found;
      if (this.ws.readyState === WebSocket.CLOSED) throw new Error('socket closed while waiting');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for a frame');
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Stops reading from the TCP socket: the server's sends pile up on its side. */
  stopReading(): void {
    (this.ws as unknown as { _socket: { pause(): void } })._socket.pause();
  }

  /** Reads again (after `stopReading`). */
  resumeReading(): void {
    (this.ws as unknown as { _socket: { resume(): void } })._socket.resume();
  }

  close(): void {
    this.ws.close();
  }
}
