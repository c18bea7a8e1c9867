import { sha256 } from '@noble/hashes/sha2.js';

/** The name of the performance entry each solve in the page leaves (its duration is the solve time). */
export const POW_MEASURE = 'queue-entry-proof-of-work';

export interface PowFound {
  number: number;
  /** Hashes computed to find it (this searcher's share). */
  hashes: number;
}

/**
 * ALTCHA's search: the number n ≤ maxnumber whose SHA-256 of `salt + n`, in hex, is the challenge.
 * A synchronous hash (about 1 µs here) rather than Web Crypto's `digest`, whose promise per hash costs
 * tens of microseconds: the same difficulty costs people far less time and bots the same hashes.
 * `from` and `step` split the range between workers (worker i of k searches i, i + k, i + 2k, …).
 */
export function searchPow(
  challenge: string,
  salt: string,
  maxnumber: number,
  from = 0,
  step = 1,
): PowFound | null {
  const target = hexBytes(challenge);
  if (!target) return null;
  const encoder = new TextEncoder();
  let hashes = 0;
  for (let n = from; n <= maxnumber; n += step) {
    hashes++;
    if (equalBytes(sha256(encoder.encode(salt + n)), target)) return { number: n, hashes };
  }
  return null;
}

function hexBytes(hex: string): Uint8Array | null {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return null;
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
