import type { Readable } from 'node:stream';

/**
 * Where uploaded files live: a flat key space ("images/3f…-320.webp"). Keys are content-hashed by
 * their writers, so an object never changes once written; that is what lets every reader cache it
 * for a year. The local-disk adapter serves development and tests, the S3 one production.
 */
export interface ObjectStorage {
  /** Which adapter this is ("local" or "s3"), for logs and health output. */
  readonly kind: string;
  /** Writes an object whole; a second write of the same key replaces it. */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  exists(key: string): Promise<boolean>;
  /** Deletes the objects; keys that do not exist are not an error. */
  delete(keys: readonly string[]): Promise<void>;
}

export interface StoredObject {
  body: Readable;
  contentType: string;
  size: number;
}

/** Objects never change under a key, so browsers and CDNs may keep them for a year without asking. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** Keys are a small, safe alphabet: no "..", no leading slash, no backslash, at most one folder deep. */
const KEY = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9._-]*$/;

export function assertKey(key: string): void {
  if (!KEY.test(key) || key.includes('..')) throw new Error(`invalid storage key: ${key}`);
}
