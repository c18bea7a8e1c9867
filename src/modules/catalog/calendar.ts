import type { StoredPerformanceStatus } from './catalog.tables.ts';
import type { PerformanceStatus } from './catalog.schemas.ts';

/** Performances are dated in Korean time (UTC+9, no daylight saving). */
const KST_OFFSET_MS = 9 * 3600_000;

let memo = { from: 0, until: 0, day: '' };

/** 'YYYY-MM-DD' of the Korean calendar day containing `at` (memoized: it is on every view's path). */
export function kstDay(at: number | Date): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  if (ms >= memo.from && ms < memo.until) return memo.day;
  const day = new Date(ms + KST_OFFSET_MS).toISOString().slice(0, 10);
  const until = endOfKstDay(day);
  memo = { from: until - 86400_000, until, day };
  return day;
}

/** The instant a Korean calendar day ends (midnight KST after it). */
export function endOfKstDay(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) + 86400_000 - KST_OFFSET_MS;
}

/** ENDED is not stored: it follows from endDate, so a performance ends at midnight without a job. */
export function effectiveStatus(
  stored: StoredPerformanceStatus,
  endDate: string,
  now: number,
): PerformanceStatus {
  if (stored === 'DRAFT') return 'DRAFT';
  return now >= endOfKstDay(endDate) ? 'ENDED' : stored;
}
