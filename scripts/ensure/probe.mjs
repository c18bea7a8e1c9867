// @ts-check
import net from 'node:net';

/**
 * "Does a server of this kind answer here?", with the protocol's first exchange instead of a CLI:
 * a TCP connect alone would also succeed against a RabbitMQ still booting or another program on the
 * port, and the servers' own tools (rabbitmq-diagnostics above all) take seconds to start.
 */
const HELLOS = {
  // SSLRequest: any PostgreSQL answers one byte, 'S' or 'N' ('E' from very old servers).
  postgres: {
    send: Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]),
    ok: (/** @type {Buffer} */ b) => 'SNE'.includes(String.fromCharCode(b[0] ?? 0)),
  },
  // PING: '+PONG', or '-NOAUTH …' from a Redis that wants a password; either way Redis answered.
  redis: { send: Buffer.from('PING\r\n'), ok: (/** @type {Buffer} */ b) => b[0] === 0x2b || b[0] === 0x2d },
  // AMQP 0-9-1 protocol header: the broker answers with Connection.Start (a method frame, type 1)
  // once it accepts clients, or with its own protocol header when it speaks another version.
  amqp: {
    send: Buffer.from('AMQP\x00\x00\x09\x01', 'latin1'),
    ok: (/** @type {Buffer} */ b) => b[0] === 1 || b.subarray(0, 4).toString('latin1') === 'AMQP',
  },
};

/**
 * Resolves true when a server of `kind` answers at host:port within `timeoutMs`, false otherwise.
 * `tls` (rediss:, amqps:): only the TCP connect is checked, the hello would need the handshake.
 * @param {'postgres' | 'redis' | 'amqp'} kind
 * @param {string} host
 * @param {number} port
 * @param {{ tls?: boolean, timeoutMs?: number }} [opts]
 * @returns {Promise<boolean>}
 */
export function probe(kind, host, port, opts = {}) {
  const hello = HELLOS[kind];
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let done = false;
    const finish = (/** @type {boolean} */ ok) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), opts.timeoutMs ?? 2_000);
    socket.once('error', () => finish(false));
    socket.once('close', () => finish(false));
    socket.once('connect', () => {
      if (opts.tls) return finish(true);
      socket.write(hello.send);
    });
    socket.once('data', (data) => finish(hello.ok(data)));
  });
}

/**
 * Polls `probe` until it answers or `timeoutMs` passes.
 * @param {() => Promise<boolean>} check
 * @param {number} timeoutMs
 */
export async function waitUntil(check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 250));
  }
}
