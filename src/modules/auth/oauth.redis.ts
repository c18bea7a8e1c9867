import type { RedisClient } from '../../infra/redis.ts';
import type { ProviderName } from './oauth-providers.ts';

/** One sign-in in flight, from the start redirect to the provider's callback. */
export interface PendingSignIn {
  provider: ProviderName;
  codeVerifier: string;
  /** SHA-256 of the browser-binding cookie set at start: a callback from another browser is refused. */
  browserHash: string;
  /** Set when a signed-in user links the provider to their account. */
  linkUserId?: string;
  /** Web app path to land on afterwards. */
  next: string;
}

/**
 * Redis state of social sign-in. Both records are taken with GETDEL, so each works once: a replayed
 * callback (same state) or link ticket finds nothing. Expiry is Redis's own clock.
 */
export class OAuthRedis {
  constructor(private readonly redis: RedisClient) {}

  async savePending(state: string, pending: PendingSignIn, ttlSeconds: number): Promise<void> {
    await this.redis.set(`oauth:state:${state}`, JSON.stringify(pending), 'EX', ttlSeconds);
  }

  async takePending(state: string): Promise<PendingSignIn | undefined> {
    const raw = await this.redis.getdel(`oauth:state:${state}`);
    return raw ? (JSON.parse(raw) as PendingSignIn) : undefined;
  }

  async saveLinkTicket(ticketHash: string, userId: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(`oauth:link:${ticketHash}`, userId, 'EX', ttlSeconds);
  }

  async takeLinkTicket(ticketHash: string): Promise<string | undefined> {
    return (await this.redis.getdel(`oauth:link:${ticketHash}`)) ?? undefined;
  }
}
