import type { StoredPerformanceStatus } from './catalog.tables.ts';
import type { PerformanceStatus } from './catalog.schemas.ts';

/** Performances are dated in Korean time (UTC+9, no daylight saving). */
const KST_OFFSET_MS = 9 * 3600_000;

/** 'YYYY-MM-DD' of the Korean calendar day containing `at`. */
export function kstDay(at: number | Date = Date.now()): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  return new Date(ms + KST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Korean calendar day ends (midnight KST after it). */
export function endOfKstDay(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) + 86400_000 - KST_OFFSET_MS;
}

/** ENDED is not stored: it follows from endDate, so a performance ends at midnight without a job. */
export function effectiveStatus(
  stored: StoredPerformanceStatus,
  endDate: string,
  now = Date.now(),
): PerformanceStatus {
  if (stored === 'DRAFT') return 'DRAFT';
  return now >= endOfKstDay(endDate) ? 'ENDED' : stored;
}
