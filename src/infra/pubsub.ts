import { Cluster } from 'ioredis';
import type { RedisClient } from './redis.ts';
import type { Logger } from './logger.ts';

/** How long a start waits for Redis before going on without it (it subscribes when Redis is back). */
const SUBSCRIBE_WAIT_MS = 3_000;

export interface ChannelListener {
  /** The prefixed channel (see `channelName`). */
  channel: string;
  /** Each message's text; a throw is logged, never fatal. */
  onMessage: (text: string) => void;
  /** Runs after every (re)subscription, e.g. to load what was missed while disconnected. */
  onSubscribed?: () => Promise<void>;
  log: Logger;
}

/**
 * Listens on one pub/sub channel on a duplicate connection of its own (a subscribed connection can
 * run nothing else), named after the channel so CLIENT LIST shows it. ioredis resubscribes after a
 * reconnect and `onSubscribed` runs again each time. Resolves once the first subscription (and its
 * `onSubscribed`) is done, or after a few seconds when Redis is unreachable, so a process still
 * starts. Returns the connection; disconnect it to stop.
 */
export async function listen(redis: RedisClient, listener: ChannelListener): Promise<RedisClient> {
  const { channel, log } = listener;
  const connectionName = `${channel}:subscriber`.replace(/[^\w:.-]/g, '_');
  const sub =
    redis instanceof Cluster
      ? redis.duplicate(undefined, { redisOptions: { ...redis.options.redisOptions, connectionName } })
      : redis.duplicate({ connectionName });
  sub.on('message', (from: string, text: string) => {
    if (from !== channel) return;
    try {
      listener.onMessage(text);
    } catch (err) {
      log.warn({ err: (err as Error).message, channel }, 'bad pub/sub message');
    }
  });
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, SUBSCRIBE_WAIT_MS);
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    sub.on('error', (err: Error) => {
      log.warn({ err: err.message, channel }, 'pub/sub subscriber error');
      done();
    });
    // 'ready' comes on the first connection and after every reconnect.
    sub.on('ready', () => {
      sub
        .subscribe(channel)
        .then(() => listener.onSubscribed?.())
        .then(done, (err: Error) => {
          log.warn({ err: err.message, channel }, 'pub/sub subscribe failed');
          done();
        });
    });
  });
  return sub;
}

/**
 * A subscriber connection for a changing set of channels (one per open stream or room): a named
 * duplicate of the shared client that passes every message to `onMessage` and, after each
 * reconnect, subscribes again to the channels `wanted()` names — the caller's set stays the one
 * source of truth. (ioredis would also resubscribe by itself.) The caller SUBSCRIBEs and
 * UNSUBSCRIBEs as its set changes, and disconnects the connection to stop.
 */
export function subscriberConnection(
  redis: RedisClient,
  options: {
    name: string;
    log: Logger;
    wanted: () => string[];
    onMessage: (channel: string, text: string) => void;
  },
): RedisClient {
  const { name: connectionName, log } = options;
  const sub =
    redis instanceof Cluster
      ? redis.duplicate(undefined, { redisOptions: { ...redis.options.redisOptions, connectionName } })
      : redis.duplicate({ connectionName });
  sub.on('message', options.onMessage);
  sub.on('error', (err: Error) => log.warn({ err: err.message, connectionName }, 'subscriber error'));
  let firstReady = true;
  sub.on('ready', () => {
    if (firstReady) {
      firstReady = false;
      return;
    }
    const channels = options.wanted();
    if (channels.length === 0) return;
    sub.subscribe(...channels).catch((err: Error) => {
      log.warn({ err: err.message, connectionName }, 'resubscribe failed');
    });
  });
  return sub;
}
