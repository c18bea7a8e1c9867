import { describe, expect, it } from 'vitest';
import { dayKey, formatDay, formatDayTime, formatMonth, kstParts } from './dates.ts';

describe('dates on the site: Korea time, weekday always shown', () => {
  it('writes a day with its weekday in Korean and English', () => {
    expect(formatDay('2026-12-05', 'ko')).toBe('12월 5일 (토)');
    expect(formatDay('2026-12-05', 'ko', true)).toBe('2026년 12월 5일 (토)');
    expect(formatDay('2026-12-05', 'en')).toBe('Sat, Dec 5');
    expect(formatMonth(2026, 12, 'ko')).toBe('2026년 12월');
  });

  it('reads an instant in Korea time whatever the browser zone', () => {
    // 15:30 UTC on Friday is 00:30 on Saturday in Seoul.
    const iso = '2026-12-04T15:30:00.000Z';
    expect(dayKey(iso)).toBe('2026-12-05');
    expect(formatDayTime(iso, 'ko')).toBe('12월 5일 (토) 00:30');
    expect(kstParts(iso)).toMatchObject({ year: 2026, month: 12, day: 5, weekday: 6, hour: 0, minute: 30 });
  });
});
