import { Link } from 'react-router';
import type { Showtime } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useDates } from '../../lib/dates.ts';
import { gradeColour, remaining } from '../../components/format.ts';
import { bookingPath, salesState } from './sales.ts';

/** Under a day this close to the open, the row counts down as well as giving the date and time. */
const COUNTDOWN_WITHIN_MS = 24 * 3600_000;

/**
 * The showtimes of one day: time, seats left per grade, that showtime's cast, and what can be done
 * now (book, the open date and time, sold out, closed). Picking a row makes it the showtime the
 * mobile book button goes to.
 */
export function DayShowtimes({
  showtimes,
  performanceId,
  selectedId,
  onSelect,
  now,
}: {
  showtimes: Showtime[];
  performanceId: string;
  selectedId: string | null;
  onSelect: (id: string) => void;
  now: number;
}) {
  const { t, number } = useI18n();
  const dates = useDates();
  return (
    <ul className="showtimes day-showtimes">
      {showtimes.map((s, index) => {
        const state = salesState(s, now);
        const selected = s.id === selectedId;
        const opensIn = remaining(s.salesOpenAt, now);
        return (
          <li
            key={s.id}
            className={`showtime${selected ? ' selected' : ''}`}
            data-testid="showtime"
            data-state={state}
            data-showtime-id={s.id}
          >
            <button
              type="button"
              className="showtime-pick"
              aria-pressed={selected}
              onClick={() => onSelect(s.id)}
            >
              <span className="showtime-time">{dates.time(s.startsAt)}</span>
              <span className="showtime-round">{t('detail.showtimeRound', { n: index + 1 })}</span>
              <span className="sr-only">
                , {dates.day(s.startsAt)} · {t('detail.select')}
              </span>
            </button>
            <div className="showtime-body">
              <ul
                className="grade-left"
                aria-label={t('detail.seatsLeftTotal', { left: number(s.availableSeats) })}
              >
                {s.availableByGrade.map((g, i) => (
                  <li
                    key={g.grade}
                    data-testid="grade-left"
                    data-grade={g.grade}
                    data-available={g.available}
                    title={t('detail.gradeLeftLabel', {
                      grade: g.grade,
                      left: number(g.available),
                      total: number(g.total),
                    })}
                  >
                    <span
                      className="swatch"
                      style={{ background: gradeColour(g.grade, i) }}
                      aria-hidden="true"
                    />
                    {t('detail.gradeLeft', { grade: g.grade, left: number(g.available) })}
                  </li>
                ))}
              </ul>
              <p className="showtime-cast" data-testid="showtime-cast">
                {s.cast.length > 0 ? (
                  <>
                    <span className="muted">{t('show.cast')}</span> {s.cast.join(', ')}
                  </>
                ) : (
                  <span className="muted">{t('detail.castTba')}</span>
                )}
              </p>
              {s.queueEnabled && <p className="small muted">{t('show.queued')}</p>}
            </div>
            <div className="showtime-action">
              {state === 'open' && (
                <Link className="btn" to={bookingPath(performanceId, s)}>
                  {t('show.book')}
                </Link>
              )}
              {state === 'notOpen' && (
                <span className="badge open-at" role="status">
                  {t('detail.opensAt', { when: dates.dayTime(s.salesOpenAt) })}
                  {opensIn.ms < COUNTDOWN_WITHIN_MS && (
                    <span className="small"> · {t('detail.opensIn', { time: opensIn.text })}</span>
                  )}
                </span>
              )}
              {state === 'soldOut' && <span className="badge danger">{t('show.soldOut')}</span>}
              {state === 'closed' && <span className="badge muted">{t('show.salesClosed')}</span>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
