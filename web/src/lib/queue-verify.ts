/**
 * The verifier of a waiting room's draw (docs/waiting-room.md "Verifiable draw"), written apart from
 * the server's code on purpose: it knows only the published rules and the public audit data, and uses
 * Web Crypto, so the same file runs in the browser (the audit page) and in Node (`npm run verify:queue`).
 */

/** The rules this verifier knows; an audit naming other rules is refused rather than misread. */
export const KNOWN_ALGORITHM =
  'culture-ticket-draw-v1: commitment=sha256(seed bytes); key=sha256(seedHex ":" entryId); ' +
  'order=key ascending; entriesDigest=sha256(entryIds in input order joined by "\\n")';

export interface AuditData {
  showtimeId: string;
  algorithm: string;
  commitment: string | null;
  seed?: string;
  drawAt: string;
  drawnAt: string | null;
  earlyEntrants: number;
  entriesDigest: string | null;
}

export interface AuditEntry {
  entryId: string;
  /** The place the server says the draw gave this entry. */
  position: number;
}

export type CheckId = 'ALGORITHM' | 'COMMITMENT' | 'COUNT' | 'DIGEST' | 'ORDER';

export interface Check {
  id: CheckId;
  ok: boolean;
  /** English, for the command line and logs. */
  detail: string;
}

export interface Verdict {
  /** Every check passed. */
  ok: boolean;
  /** The draw has not happened: only the commitment is known. */
  pending: boolean;
  checks: Check[];
  /** Recomputed places by entry id (1 = first), when the seed is known. */
  places: Map<string, number>;
  /** Each entry's key (SHA-256 hex), when the seed is known: the proof of one place. */
  keys: Map<string, string>;
}

const encoder = new TextEncoder();

function hex(buf: ArrayBuffer): string {
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
}

function bytesOfHex(h: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(h.length / 2));
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export async function sha256Hex(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', typeof data === 'string' ? encoder.encode(data) : data));
}

/** The key that places one entry: SHA-256 of `<seed hex>:<entry id>`. */
export const drawKey = (seedHex: string, entryId: string): Promise<string> =>
  sha256Hex(`${seedHex}:${entryId}`);

/**
 * Checks a draw: the seed against the commitment, the list against its digest and count, and every
 * published place against the order recomputed from the seed and the list.
 */
export async function verifyDraw(audit: AuditData, entries: AuditEntry[]): Promise<Verdict> {
  const checks: Check[] = [];
  const places = new Map<string, number>();
  const keys = new Map<string, string>();
  const algorithmOk = audit.algorithm === KNOWN_ALGORITHM;
  checks.push({
    id: 'ALGORITHM',
    ok: algorithmOk,
    detail: algorithmOk ? 'the rules are the ones this verifier knows' : `unknown rules: ${audit.algorithm}`,
  });
  if (!audit.seed || !audit.drawnAt) {
    return { ok: false, pending: true, checks, places, keys };
  }
  const seed = audit.seed;
  const seedOk = /^[0-9a-f]{64}$/.test(seed) && (await sha256Hex(bytesOfHex(seed))) === audit.commitment;
  checks.push({
    id: 'COMMITMENT',
    ok: seedOk,
    detail: seedOk
      ? 'SHA-256 of the published seed equals the commitment published before the draw'
      : 'the seed does not match the commitment',
  });
  const countOk = entries.length === audit.earlyEntrants;
  checks.push({
    id: 'COUNT',
    ok: countOk,
    detail: `${entries.length} entries listed, ${audit.earlyEntrants} announced`,
  });
  const digest = await sha256Hex(entries.map((e) => e.entryId).join('\n'));
  const digestOk = digest === audit.entriesDigest;
  checks.push({
    id: 'DIGEST',
    ok: digestOk,
    detail: digestOk
      ? 'the list hashes to the published digest'
      : `the list hashes to ${digest}, not the published digest`,
  });
  const keyed = await Promise.all(
    entries.map(async (e, i) => ({ e, i, key: await drawKey(seed, e.entryId) })),
  );
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  keyed.forEach((k, rank) => {
    places.set(k.e.entryId, rank + 1);
    keys.set(k.e.entryId, k.key);
  });
  const wrong = entries.filter((e) => places.get(e.entryId) !== e.position);
  checks.push({
    id: 'ORDER',
    ok: wrong.length === 0,
    detail:
      wrong.length === 0
        ? 'every published place equals the place recomputed from the seed'
        : `${wrong.length} published places differ from the recomputed order (first: ${wrong[0]!.entryId})`,
  });
  return { ok: checks.every((c) => c.ok), pending: false, checks, places, keys };
}

/** Reads the audit and every page of its list from an API base (`…/api/v1`). */
export async function fetchAudit(
  apiBase: string,
  showtimeId: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ audit: AuditData; entries: AuditEntry[] }> {
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetchImpl(`${apiBase}${path}`, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
    return (await res.json()) as T;
  };
  const audit = await get<AuditData>(`/showtimes/${showtimeId}/queue/audit`);
  const entries: AuditEntry[] = [];
  if (audit.drawnAt) {
    const size = 10_000;
    for (let page = 1; ; page++) {
      const p = await get<{ items: AuditEntry[]; total: number }>(
        `/showtimes/${showtimeId}/queue/audit/entries?page=${page}&size=${size}`,
      );
      entries.push(...p.items);
      if (p.items.length < size || entries.length >= p.total) break;
    }
  }
  return { audit, entries };
}
