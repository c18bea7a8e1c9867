import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { createChallenge, extractParams } from 'altcha-lib/v1';
import type { Payload } from 'altcha-lib/v1/types';
import { AppError } from '../../errors.ts';
import type { Clock } from '../../infra/clock.ts';
import type { RedisClient } from '../../infra/redis.ts';
import { storeUnavailable } from './scripts.ts';

export interface ProofOfWorkOptions {
  /** How long a challenge can be solved and redeemed. */
  challengeMs: number;
  /** Challenges per second from one address above which the difficulty rises (a prefix: 4x this). */
  spikePerSecond: number;
  /** The most the difficulty is multiplied by (a power of two). */
  maxFactor: number;
}

/** An ALTCHA challenge as GET …/queue/challenge sends it. */
export interface QueueChallenge {
  algorithm: 'SHA-256';
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

export type ChallengeRefusal =
  'MISSING' | 'MALFORMED' | 'WRONG_SHOWTIME' | 'EXPIRED' | 'INVALID' | 'REPLAYED';

/**
 * The address and its wider prefix that entries are counted by: IPv4 /32 and /24; IPv6 /64 (one
 * subscriber) and /48 (one site). A farm spreads over a prefix long before it spreads over providers.
 */
export function addressBuckets(ip: string): { address: string; prefix: string } {
  if (isIPv6(ip) && !ip.startsWith('::ffff:')) {
    const groups = expandIPv6(ip);
    return {
      address: `${groups.slice(0, 4).join(':')}::/64`,
      prefix: `${groups.slice(0, 3).join(':')}::/48`,
    };
  }
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  return { address: v4, prefix: `${v4.split('.').slice(0, 3).join('.')}.0/24` };
}

function expandIPv6(ip: string): string[] {
  const [head = '', tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = ip.includes('::') ? Array<string>(8 - h.length - t.length).fill('0') : [];
  return [...h, ...fill, ...t].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}

/**
 * The difficulty for a caller: the showtime's base while an address stays under `spike` challenges a
 * second; above it, doubled for every doubling of the rate (capped). People enter once; a script that
 * enters a thousand times a second from one address pays up to `maxFactor` times more per entry.
 */
export function scaledDifficulty(base: number, rate: number, spike: number, maxFactor: number): number {
  if (rate <= spike) return base;
  const factor = Math.min(maxFactor, 2 ** Math.ceil(Math.log2(rate / spike)));
  return base * factor;
}

const key = (showtimeId: string, rest: string) => `pow:{st:${showtimeId}}:${rest}`;

/**
 * ALTCHA proof of work for entering a waiting room (docs/waiting-room.md "Proof of work at entry").
 * Challenges are stateless HMAC-signed (altcha-lib's v1 format) and bound to the showtime and an
 * expiry in their salt; redeeming one stores its signature with SET NX until it expires, so each is
 * used once across every instance. Expiry is judged by the injected clock, not altcha-lib's Date.now().
 */
export class ProofOfWork {
  private readonly hmacKey: string;

  constructor(
    private readonly redis: RedisClient,
    secret: string,
    private readonly clock: Clock,
    private readonly options: ProofOfWorkOptions,
  ) {
    // A key of its own, so an access or admission token's key never signs a challenge.
    this.hmacKey = createHmac('sha256', secret).update('altcha-challenge-v1').digest('hex');
  }

  /** A fresh challenge for `ip`, at the showtime's difficulty raised for a bursting address. */
  async challenge(showtimeId: string, baseDifficulty: number, ip: string): Promise<QueueChallenge> {
    const nowMs = this.clock.nowMs();
    const difficulty = scaledDifficulty(
      baseDifficulty,
      await this.countBurst(showtimeId, ip, nowMs),
      this.options.spikePerSecond,
      this.options.maxFactor,
    );
    if (difficulty > baseDifficulty) {
      // For the live dashboard: the highest difficulty handed out lately.
      await this.redis
        .set(key(showtimeId, 'raised'), String(difficulty), 'PX', 10_000)
        .catch(() => undefined);
    }
    const c = await createChallenge({
      algorithm: 'SHA-256',
      hmacKey: this.hmacKey,
      maxnumber: difficulty,
      expires: new Date(nowMs + this.options.challengeMs),
      params: { st: showtimeId },
    });
    return {
      algorithm: 'SHA-256',
      challenge: c.challenge,
      maxnumber: difficulty,
      salt: c.salt,
      signature: c.signature,
    };
  }

  /** Checks a solved challenge (base64 JSON, the ALTCHA payload) and uses it up; throws CHALLENGE_REQUIRED. */
  async redeem(showtimeId: string, altcha: string | undefined): Promise<void> {
    if (!altcha) throw refusal('MISSING');
    let payload: Payload;
    try {
      payload = JSON.parse(Buffer.from(altcha, 'base64').toString('utf8')) as Payload;
    } catch {
      throw refusal('MALFORMED');
    }
    if (typeof payload?.salt !== 'string' || typeof payload.signature !== 'string')
      throw refusal('MALFORMED');
    const params = extractParams(payload);
    if (params.st !== showtimeId) throw refusal('WRONG_SHOWTIME');
    const expiresMs = Number(params.expires) * 1000;
    const leftMs = expiresMs - this.clock.nowMs();
    if (!Number.isFinite(expiresMs) || leftMs <= 0) throw refusal('EXPIRED');
    if (!this.solves(payload)) throw refusal('INVALID');
    // Single use: the first redeemer stores the signature until the challenge would have expired anyway.
    const stored = await this.redis
      .set(key(showtimeId, `used:${payload.signature}`), '1', 'PX', Math.ceil(leftMs) + 1_000, 'NX')
      .catch((err: unknown) => {
        throw storeUnavailable(err);
      });
    if (stored !== 'OK') throw refusal('REPLAYED');
  }

  /**
   * altcha-lib's `verifySolution` check (SHA-256(salt + number) = challenge, and the challenge's HMAC
   * = signature), done with node:crypto synchronously: altcha-lib goes through Web Crypto, which cost
   * 122 µs per entry in bench/queue-pow.ts against a budget of 100 µs; this costs a few µs.
   */
  private solves(p: Payload): boolean {
    if (p.algorithm !== 'SHA-256' || !Number.isSafeInteger(p.number) || p.number < 0) return false;
    if (typeof p.challenge !== 'string') return false;
    const challenge = createHash('sha256').update(`${p.salt}${p.number}`).digest('hex');
    const signature = createHmac('sha256', this.hmacKey).update(challenge).digest('hex');
    return equalText(challenge, p.challenge) && equalText(signature, p.signature);
  }

  /** The highest raised difficulty handed out in the last 10 s (null: none raised). */
  async raisedDifficulty(showtimeId: string): Promise<number | null> {
    const v = await this.redis.get(key(showtimeId, 'raised'));
    return v === null ? null : Number(v);
  }

  /**
   * Challenges this second from the caller's address and prefix (a prefix is allowed 4x as many):
   * per-second counters under the showtime's hash tag, so the pipeline is single-slot on a cluster.
   */
  private async countBurst(showtimeId: string, ip: string, nowMs: number): Promise<number> {
    const { address, prefix } = addressBuckets(ip);
    const second = Math.floor(nowMs / 1000);
    const a = key(showtimeId, `a:${address}:${second}`);
    const p = key(showtimeId, `p:${prefix}:${second}`);
    const out = await this.redis.pipeline().incr(a).pexpire(a, 5_000).incr(p).pexpire(p, 5_000).exec();
    const count = (i: number): number => {
      const [err, v] = out?.[i] ?? [new Error('no reply'), null];
      if (err) throw storeUnavailable(err);
      return Number(v);
    };
    return Math.max(count(0), count(2) / 4);
  }
}

function equalText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function refusal(reason: ChallengeRefusal): AppError {
  return new AppError('CHALLENGE_REQUIRED', `A solved proof-of-work challenge is required (${reason})`, {
    reason,
  });
}
