/**
 * A minimal SMTP sink for the mail benchmark: accepts every message, counts it, keeps nothing.
 * Prints `port <n>` once listening and `count <n>` on SIGUSR2; runs until killed.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let count = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  maxClients: 200,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      count++;
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`port ${(server.server.address() as AddressInfo).port}\n`);
});
process.on('SIGUSR2', () => process.stdout.write(`count ${count}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
