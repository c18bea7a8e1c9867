/**
 * Where to go after signing in or up: the `next` path a page sent the visitor from (예매하기 → login
 * or signup → back to the seat map). Only same-site paths are followed, so `?next=` cannot be used as
 * an open redirect.
 */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

/** A link to `path` that keeps the `next` the current page was given. */
export function withNext(path: string, next: string | null | undefined): string {
  const target = safeNext(next);
  return target === '/' ? path : `${path}?next=${encodeURIComponent(target)}`;
}
