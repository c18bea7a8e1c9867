import { createHmac, timingSafeEqual } from 'node:crypto';

/** Categories a mail can be unsubscribed from: every notification category but booking. */
export const UNSUBSCRIBABLE_CATEGORIES = ['reminders', 'alerts', 'marketing'] as const;
export type UnsubscribableCategory = (typeof UNSUBSCRIBABLE_CATEGORIES)[number];

const VERSION = '1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The links a non-transactional notification mail carries to turn its category's mail off. */
export interface UnsubscribeLinks {
  /** The web page that shows what will happen and asks to confirm. */
  page: string;
  /** RFC 8058 one-click target (List-Unsubscribe + List-Unsubscribe-Post), POSTed by mail clients. */
  oneClick: string;
}

/**
 * Signed, non-expiring unsubscribe tokens: `1.<userId>.<category>.<HMAC-SHA256>` where the MAC
 * (base64url) covers `unsubscribe:1:<userId>:<category>`. No sign-in is needed to use one; it can do
 * nothing but turn one category's mail off for one user. The key is UNSUBSCRIBE_SECRET, or derived
 * from JWT_SECRET when unset (rotating either voids every link already sent).
 */
export class UnsubscribeTokens {
  private readonly key: Buffer;

  constructor(
    config: { UNSUBSCRIBE_SECRET?: string | undefined; JWT_SECRET: string },
    private readonly publicUrl: string,
  ) {
    this.key = config.UNSUBSCRIBE_SECRET
      ? Buffer.from(config.UNSUBSCRIBE_SECRET)
      : createHmac('sha256', config.JWT_SECRET).update('culture-ticket unsubscribe links').digest();
  }

  private mac(userId: string, category: string): Buffer {
    return createHmac('sha256', this.key).update(`unsubscribe:${VERSION}:${userId}:${category}`).digest();
  }

  sign(userId: string, category: UnsubscribableCategory): string {
    return `${VERSION}.${userId}.${category}.${this.mac(userId, category).toString('base64url')}`;
  }

  /** The user and category a token names, or null when it is malformed or its MAC does not match. */
  verify(token: string): { userId: string; category: UnsubscribableCategory } | null {
    if (token.length > 200) return null;
    const [version, userId, category, mac, ...rest] = token.split('.');
    if (version !== VERSION || rest.length > 0 || !userId || !category || !mac) return null;
    if (!UUID.test(userId) || !(UNSUBSCRIBABLE_CATEGORIES as readonly string[]).includes(category))
      return null;
    if (!/^[A-Za-z0-9_-]{43}$/.test(mac)) return null;
    const given = Buffer.from(mac, 'base64url');
    const expected = this.mac(userId, category);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { userId, category: category as UnsubscribableCategory };
  }

  /** Links for a queued mail, or null when it has none (account or booking mail). */
  linksFor(userId: string | null, category: string | null): UnsubscribeLinks | null {
    if (!userId || !category || !(UNSUBSCRIBABLE_CATEGORIES as readonly string[]).includes(category))
      return null;
    const token = encodeURIComponent(this.sign(userId, category as UnsubscribableCategory));
    return {
      page: `${this.publicUrl}/unsubscribe?token=${token}`,
      oneClick: `${this.publicUrl}/api/v1/notifications/unsubscribe/one-click?token=${token}`,
    };
  }
}
