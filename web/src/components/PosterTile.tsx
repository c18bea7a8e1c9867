import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { HeartButton } from './HeartButton.tsx';
import { PosterPicture } from './PosterPicture.tsx';

/** A poster with its title and a line or two below: the tile of the home rows and search results. */
export function PosterTile({
  id,
  title,
  posterUrl,
  badge,
  children,
}: {
  id: string;
  title: string;
  posterUrl: string;
  badge?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="tile-wrap">
      <Link to={`/performances/${id}`} className="tile" data-testid="performance-card">
        <PosterPicture url={posterUrl} place="tile" width={300} height={400} />
        {badge}
        <h3>{title}</h3>
        {children}
      </Link>
      <HeartButton performanceId={id} className="on-poster" />
    </div>
  );
}

const KST = 'Asia/Seoul';

/** 'YYYY-MM-DD' of an instant in Korea. */
export function kstDay(ms: number): string {
  return new Date(ms + 9 * 3600_000).toISOString().slice(0, 10);
}

/** Whole Korean calendar days from `now` to `iso` (0 = today). */
export function daysUntil(iso: string, now: number): number {
  return Math.round(
    (Date.parse(`${kstDay(Date.parse(iso))}T00:00:00Z`) - Date.parse(`${kstDay(now)}T00:00:00Z`)) / 86400_000,
  );
}

/**
 * An opening as people read it on a ticketing site: "오늘 20:00", "내일 14:00", "12.3(수) 20:00"
 * (Korean time, weekday always shown with a date).
 */
export function openingLabel(
  iso: string,
  now: number,
  lang: 'ko' | 'en',
  words: { today: string; tomorrow: string },
): string {
  const d = new Date(iso);
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: KST,
  }).format(d);
  const days = daysUntil(iso, now);
  if (days === 0) return `${words.today} ${time}`;
  if (days === 1) return `${words.tomorrow} ${time}`;
  const parts = new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-US', {
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
    timeZone: KST,
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return lang === 'ko'
    ? `${get('month')}.${get('day')}(${get('weekday')}) ${time}`
    : `${get('weekday')} ${get('month')}/${get('day')} ${time}`;
}

/** A run as "12.1(월) ~ 12.31(수)". */
export function runLabel(start: string, end: string, lang: 'ko' | 'en'): string {
  const f = new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-US', {
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
    timeZone: 'UTC',
  });
  const one = (day: string) => {
    const parts = f.formatToParts(new Date(`${day}T00:00:00Z`));
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return lang === 'ko'
      ? `${get('month')}.${get('day')}(${get('weekday')})`
      : `${get('weekday')} ${get('month')}/${get('day')}`;
  };
  return start === end ? one(start) : `${one(start)} ~ ${one(end)}`;
}
