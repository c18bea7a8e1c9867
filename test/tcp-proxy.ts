import net from 'node:net';

/**
 * A TCP proxy to a local service that a test can take down (refusing and cutting connections) and bring
 * back, or stall (what clients send is held, so the service answers nothing, until `resume`).
 */
export class TcpProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private stalled = false;
  private readonly held: Array<[net.Socket, Buffer]> = [];
  port = 0;

  constructor(private readonly targetPort: number) {}

  async up(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.on('data', (chunk: Buffer) => {
        if (this.stalled) this.held.push([upstream, chunk]);
        else upstream.write(chunk);
      });
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  /** Holds everything clients send from now on: the service gets no command and sends no answer. */
  stall(): void {
    this.stalled = true;
  }

  /** Sends what was held, in order, and forwards again. */
  resume(): void {
    this.stalled = false;
    for (const [upstream, chunk] of this.held.splice(0)) if (!upstream.destroyed) upstream.write(chunk);
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
