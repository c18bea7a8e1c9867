import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures in the Standard Webhooks form that PortOne v2 uses: headers `webhook-id`,
 * `webhook-timestamp` (unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256 of
 * "${id}.${timestamp}.${body}">`. Shared by the sandbox gateway (signs) and the shop (verifies).
 *
 * The HMAC key is the secret's bytes: PortOne hands out `whsec_<base64>` and its SDK (`Webhook.verify`)
 * strips the prefix and base64-decodes the rest, as Standard Webhooks specifies. Keying the HMAC with
 * the secret's text instead would never match a real PortOne signature.
 */
const SECRET_PREFIX = 'whsec_';
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

/** The HMAC key of a webhook secret, or undefined when it is not (whsec_-prefixed) base64. */
export function webhookKey(secret: string): Buffer | undefined {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  if (encoded.length === 0 || !BASE64.test(encoded)) return undefined;
  const key = Buffer.from(encoded, 'base64');
  return key.length > 0 ? key : undefined;
}

/** Whether a configured secret can sign and verify (config errors are reported at start-up). */
export function isWebhookSecret(secret: string): boolean {
  return webhookKey(secret) !== undefined;
}
export const WEBHOOK_HEADERS = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  // A secret that is not base64 is a misconfiguration that verifyWebhook refuses outright; signing with
  // its text still yields a signature, just one nothing accepts.
  const key = webhookKey(secret) ?? Buffer.from(secret);
  const mac = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return `v1,${mac}`;
}

export function webhookHeaders(
  secret: string,
  id: string,
  body: string,
  now = Date.now(),
): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return {
    [WEBHOOK_HEADERS.id]: id,
    [WEBHOOK_HEADERS.timestamp]: String(timestamp),
    [WEBHOOK_HEADERS.signature]: signWebhook(secret, id, timestamp, body),
  };
}

/** True when one of the signatures matches and the timestamp is within the tolerance (replay guard). */
export function verifyWebhook(input: {
  secret: string;
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  body: string;
  toleranceSeconds: number;
  now?: number;
}): boolean {
  const { id, timestamp, signature } = input;
  if (!id || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  const ts = Number(timestamp);
  const nowSeconds = Math.floor((input.now ?? Date.now()) / 1000);
  if (Math.abs(nowSeconds - ts) > input.toleranceSeconds) return false;
  if (!isWebhookSecret(input.secret)) return false;
  const expected = Buffer.from(signWebhook(input.secret, id, ts, input.body));
  // The header may carry several space-separated signatures during a key rotation.
  return signature.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
