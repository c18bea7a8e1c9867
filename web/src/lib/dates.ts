import { useMemo } from 'react';
import { useI18n } from '../i18n/index.tsx';

/**
 * Dates as Korean ticketing sites write them: always with the weekday ("12월 5일 (금)"), in Korea
 * time whatever the browser's zone (shows happen in Seoul). Korea has no daylight saving, so a fixed
 * +9 h shift and the UTC getters give the wall clock without Intl time-zone data.
 */
const KST_OFFSET_MS = 9 * 3600_000;
const WEEKDAYS = {
  ko: ['일', '월', '화', '수', '목', '금', '토'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
} as const;
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
type Lang = keyof typeof WEEKDAYS;

export interface KstParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0 = Sunday */
  weekday: number;
  hour: number;
  minute: number;
}

/** An instant (ISO date-time) or a calendar day ('YYYY-MM-DD', taken as that day in Korea). */
export function toInstant(x: string | number | Date): number {
  if (typeof x === 'number') return x;
  if (x instanceof Date) return x.getTime();
  return /^\d{4}-\d{2}-\d{2}$/.test(x) ? Date.parse(`${x}T00:00:00+09:00`) : Date.parse(x);
}

export function kstParts(x: string | number | Date): KstParts {
  const d = new Date(toInstant(x) + KST_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' of the day in Korea: the key the calendar groups showtimes by. */
export function dayKey(x: string | number | Date): string {
  const p = kstParts(x);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "12월 5일 (금)" / "Fri, Dec 5"; with the year when `withYear`. */
export function formatDay(x: string | number | Date, lang: Lang, withYear = false): string {
  const p = kstParts(x);
  const wd = WEEKDAYS[lang][p.weekday]!;
  if (lang === 'ko') return `${withYear ? `${p.year}년 ` : ''}${p.month}월 ${p.day}일 (${wd})`;
  return `${wd}, ${MONTHS_EN[p.month - 1]} ${p.day}${withYear ? `, ${p.year}` : ''}`;
}

/** "19:30" */
export function formatTime(x: string | number | Date): string {
  const p = kstParts(x);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** "12월 5일 (금) 19:30" */
export function formatDayTime(x: string | number | Date, lang: Lang, withYear = false): string {
  return `${formatDay(x, lang, withYear)} ${formatTime(x)}`;
}

/** "2026년 12월" / "December 2026" */
export function formatMonth(year: number, month: number, lang: Lang): string {
  if (lang === 'ko') return `${year}년 ${month}월`;
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function weekdayNames(lang: Lang): readonly string[] {
  return WEEKDAYS[lang];
}

/** The formatters bound to the page's language. */
export function useDates() {
  const { lang } = useI18n();
  return useMemo(
    () => ({
      day: (x: string | number | Date, withYear = false) => formatDay(x, lang, withYear),
      dayTime: (x: string | number | Date, withYear = false) => formatDayTime(x, lang, withYear),
      time: formatTime,
      month: (year: number, month: number) => formatMonth(year, month, lang),
      weekdays: weekdayNames(lang),
    }),
    [lang],
  );
}
