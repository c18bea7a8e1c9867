import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Compact HS256 JWTs with node:crypto, for the tokens checked on every request of an onsale (access
 * and admission tokens). jose does the same through WebCrypto, an asynchronous job per call that cost
 * about 110 µs of CPU per token here against under 10 µs for a synchronous HMAC; a rush is mostly
 * first-time tokens (a new buyer per hold attempt), so the verified-token caches cannot hide it.
 * Only what our own tokens use is accepted: header `alg` HS256 and nothing critical, an audience,
 * `exp` in the future, `nbf` (if any) in the past.
 */
export type JwtPayload = Record<string, unknown> & { exp?: number; iat?: number; aud?: string | string[] };

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export function signHs256(payload: JwtPayload, key: Uint8Array, nowMs = Date.now()): string {
  const body = base64url(JSON.stringify({ iat: Math.floor(nowMs / 1000), ...payload }));
  const signed = `${HEADER}.${body}`;
  return `${signed}.${mac(key, signed)}`;
}

/** The payload of a well-formed, correctly signed, unexpired token for `audience`; null otherwise. */
export function verifyHs256(
  token: string,
  key: Uint8Array,
  audience: string,
  nowMs = Date.now(),
): JwtPayload | null {
  const first = token.indexOf('.');
  const last = token.lastIndexOf('.');
  if (first <= 0 || last === first || token.indexOf('.', first + 1) !== last) return null;
  const signed = token.slice(0, last);
  const expected = Buffer.from(mac(key, signed));
  const given = Buffer.from(token.slice(last + 1));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;

  const header = parseSegment(token.slice(0, first));
  if (!header || header.alg !== 'HS256' || 'crit' in header || header.b64 === false) return null;
  const payload = parseSegment(token.slice(first + 1, last));
  if (!payload) return null;
  const aud = payload.aud;
  if (!(aud === audience || (Array.isArray(aud) && aud.includes(audience)))) return null;
  const now = Math.floor(nowMs / 1000);
  if (typeof payload.exp !== 'number' || payload.exp <= now) return null;
  if (payload.nbf !== undefined && (typeof payload.nbf !== 'number' || payload.nbf > now)) return null;
  if (payload.iat !== undefined && typeof payload.iat !== 'number') return null;
  return payload as JwtPayload;
}

function mac(key: Uint8Array, signed: string): string {
  return createHmac('sha256', key).update(signed).digest('base64url');
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

function parseSegment(segment: string): Record<string, unknown> | null {
  // Strict base64url: anything Buffer would silently skip makes the token malformed.
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
