import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useDates } from '../../lib/dates.ts';

interface Month {
  year: number;
  month: number;
}

const monthOf = (key: string): Month => ({ year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) });
const ord = (m: Month): number => m.year * 12 + m.month - 1;
const fromOrd = (n: number): Month => ({ year: Math.floor(n / 12), month: (n % 12) + 1 });
const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A month of show dates (Korea time): days with shows are buttons, the others are plain numbers.
 * The months run from the first to the last show; a long run is a few pages, never a long list.
 */
export function Calendar({
  showDays,
  selected,
  onSelect,
}: {
  /** 'YYYY-MM-DD' → number of showtimes that day, in date order. */
  showDays: Map<string, number>;
  selected: string | null;
  onSelect: (day: string) => void;
}) {
  const { t } = useI18n();
  const dates = useDates();
  const keys = [...showDays.keys()];
  const first = keys[0];
  const last = keys[keys.length - 1];
  const [shown, setShown] = useState<Month>(() => monthOf(selected ?? first ?? '2000-01'));
  if (!first || !last) return null;
  const min = ord(monthOf(first));
  const max = ord(monthOf(last));
  const current = Math.min(Math.max(ord(shown), min), max);
  const { year, month } = fromOrd(current);

  const startWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (number | null)[] = [
    ...Array.from({ length: startWeekday }, () => null),
    ...Array.from({ length: daysInMonth }, (_, i) => i + 1),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));

  return (
    <div className="calendar" data-testid="calendar">
      <div className="calendar-head">
        <button
          type="button"
          className="calendar-nav"
          aria-label={t('detail.prevMonth')}
          disabled={current <= min}
          onClick={() => setShown(fromOrd(current - 1))}
        >
          ‹
        </button>
        <strong aria-live="polite">{dates.month(year, month)}</strong>
        <button
          type="button"
          className="calendar-nav"
          aria-label={t('detail.nextMonth')}
          disabled={current >= max}
          onClick={() => setShown(fromOrd(current + 1))}
        >
          ›
        </button>
      </div>
      <table className="calendar-grid">
        <thead>
          <tr>
            {dates.weekdays.map((w, i) => (
              <th key={w} scope="col" className={i === 0 ? 'sun' : i === 6 ? 'sat' : undefined}>
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, w) => (
            <tr key={w}>
              {week.map((day, i) => {
                if (day === null) return <td key={i} />;
                const key = `${year}-${pad(month)}-${pad(day)}`;
                const count = showDays.get(key);
                const cls = i === 0 ? 'sun' : i === 6 ? 'sat' : undefined;
                return (
                  <td key={i} className={cls}>
                    {count ? (
                      <button
                        type="button"
                        className="calendar-day"
                        data-testid="calendar-day"
                        data-date={key}
                        aria-pressed={selected === key}
                        onClick={() => onSelect(key)}
                      >
                        {day}
                        {/* The visible number starts the name (WCAG 2.5.3), the full date follows. */}
                        <span className="sr-only">
                          , {dates.day(key)} · {t('detail.hasShows')}
                        </span>
                      </button>
                    ) : (
                      <span className="calendar-off">{day}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
