import { createHmac, timingSafeEqual } from 'node:crypto';
import { ticketKeyRing } from '../../config.ts';

/**
 * Ticket codes: a compact signed payload a scanner can verify offline with the key ring.
 *
 *   base64url( 0x01 | kidLength | kid | ticketId(16) | showtimeId(16) | seatId(16) | HMAC-SHA256(…)[0..16] )
 *
 * About 90 characters for a short kid, which keeps the QR small (version 5). The MAC covers every
 * byte before it, including the key id, and is truncated to 128 bits (NIST SP 800-107 allows this
 * for HMAC; forging still needs 2^128 tries). Rotation: new codes use the current kid; older kids
 * stay in the ring until their tickets' shows are over.
 */
const VERSION = 1;
const MAC_BYTES = 16;
const KID_PATTERN = /^[A-Za-z0-9_-]{1,16}$/;

export interface TicketClaims {
  ticketId: string;
  showtimeId: string;
  seatId: string;
  kid: string;
}

export class TicketCodeError extends Error {}

export class TicketSigner {
  private readonly keys = new Map<string, Buffer>();

  /** `keys` maps key id → secret; `currentKid` must be one of them. */
  constructor(
    keys: Record<string, string>,
    private readonly currentKid: string,
  ) {
    for (const [kid, secret] of Object.entries(keys)) {
      if (!KID_PATTERN.test(kid)) throw new Error(`ticket key id "${kid}" must match ${KID_PATTERN}`);
      if (secret.length < 16) throw new Error(`ticket key "${kid}" must be at least 16 characters`);
      this.keys.set(kid, Buffer.from(secret, 'utf8'));
    }
    if (!this.keys.has(currentKid)) throw new Error(`ticket key id "${currentKid}" has no secret`);
  }

  /** From config: TICKET_SIGNING_SECRET is the current key (TICKET_SIGNING_KID); TICKET_SIGNING_KEYS adds others. */
  static fromConfig(config: {
    TICKET_SIGNING_SECRET: string;
    TICKET_SIGNING_KID: string;
    TICKET_SIGNING_KEYS?: readonly string[] | undefined;
  }): TicketSigner {
    const keys: Record<string, string> = {};
    for (const { kid, secret } of ticketKeyRing(config.TICKET_SIGNING_KEYS)) keys[kid] = secret;
    keys[config.TICKET_SIGNING_KID] = config.TICKET_SIGNING_SECRET;
    return new TicketSigner(keys, config.TICKET_SIGNING_KID);
  }

  sign(claims: Omit<TicketClaims, 'kid'>): string {
    const kid = Buffer.from(this.currentKid, 'ascii');
    const body = Buffer.concat([
      Buffer.from([VERSION, kid.length]),
      kid,
      uuidBytes(claims.ticketId),
      uuidBytes(claims.showtimeId),
      uuidBytes(claims.seatId),
    ]);
    return Buffer.concat([body, this.mac(this.keys.get(this.currentKid)!, body)]).toString('base64url');
  }

  /** Returns the claims of a genuine code; throws TicketCodeError for anything else. */
  verify(code: string): TicketClaims {
    if (code.length > 200 || !/^[A-Za-z0-9_-]+$/.test(code)) throw new TicketCodeError('not a ticket code');
    const raw = Buffer.from(code, 'base64url');
    const kidLength = raw[1] ?? 0;
    const bodyLength = 2 + kidLength + 48;
    if (raw[0] !== VERSION || raw.length !== bodyLength + MAC_BYTES)
      throw new TicketCodeError('not a ticket code');
    const kid = raw.subarray(2, 2 + kidLength).toString('ascii');
    const key = this.keys.get(kid);
    if (!key) throw new TicketCodeError('unknown key id');
    const body = raw.subarray(0, bodyLength);
    if (!timingSafeEqual(this.mac(key, body), raw.subarray(bodyLength)))
      throw new TicketCodeError('bad signature');
    const at = 2 + kidLength;
    return {
      ticketId: uuidString(raw.subarray(at, at + 16)),
      showtimeId: uuidString(raw.subarray(at + 16, at + 32)),
      seatId: uuidString(raw.subarray(at + 32, at + 48)),
      kid,
    };
  }

  private mac(key: Buffer, body: Buffer): Buffer {
    return createHmac('sha256', key).update(body).digest().subarray(0, MAC_BYTES);
  }
}

function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replaceAll('-', '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`not a uuid: ${uuid}`);
  return Buffer.from(hex, 'hex');
}

function uuidString(bytes: Buffer): string {
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
