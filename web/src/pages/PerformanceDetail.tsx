import { Link, useParams } from 'react-router';
import { catalog } from '../api/endpoints.ts';
import type { Showtime } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync, useNow, useTitle } from '../lib/hooks.ts';
import { Empty, ErrorBox, Loading } from '../components/States.tsx';
import { Poster } from '../components/Poster.tsx';
import { gradeColour, nameOf, remaining } from '../components/format.ts';

export type SalesState = 'open' | 'notOpen' | 'closed' | 'soldOut';

export function salesState(s: Showtime, now: number): SalesState {
  if (new Date(s.salesOpenAt).getTime() > now) return 'notOpen';
  if (new Date(s.salesCloseAt).getTime() <= now || s.status === 'SALES_CLOSED') return 'closed';
  if (s.availableSeats <= 0 || s.status === 'SOLD_OUT') return 'soldOut';
  return 'open';
}

function ShowtimeRow({ s, performanceId }: { s: Showtime; performanceId: string }) {
  const { t, dateTime, number } = useI18n();
  const now = useNow(1000);
  const state = salesState(s, now);
  const target = s.queueEnabled
    ? `/performances/${performanceId}/showtimes/${s.id}/queue`
    : `/performances/${performanceId}/showtimes/${s.id}/seats`;
  return (
    <li className="showtime" data-testid="showtime" data-state={state}>
      <div>
        <strong>{dateTime(s.startsAt)}</strong>
        <p className="muted">
          {t('show.seatsLeft', { left: number(s.availableSeats), total: number(s.totalSeats) })}
          {s.queueEnabled && ` · ${t('show.queued')}`}
        </p>
      </div>
      {state === 'open' && (
        <Link className="btn" to={target}>
          {t('show.book')}
        </Link>
      )}
      {state === 'notOpen' && (
        <span className="badge" role="status">
          {t('show.opensIn', { time: remaining(s.salesOpenAt, now).text })}
        </span>
      )}
      {state === 'soldOut' && <span className="badge danger">{t('show.soldOut')}</span>}
      {state === 'closed' && <span className="badge muted">{t('show.salesClosed')}</span>}
    </li>
  );
}

export default function PerformanceDetail() {
  const { id = '' } = useParams();
  const { t, date, price } = useI18n();
  const perf = useAsync(() => catalog.performance(id), [id]);
  const showtimes = useAsync(() => catalog.showtimes(id), [id]);
  useTitle(perf.data?.title ?? '');

  if (perf.loading && !perf.data) return <Loading />;
  if (perf.error) return <ErrorBox error={perf.error} onRetry={perf.reload} />;
  const p = perf.data!;
  return (
    <article className="stack">
      <div className="detail-head">
        <Poster url={p.posterUrl} title={p.title} size="lg" />
        <div className="stack">
          <h1>{p.title}</h1>
          <dl className="facts">
            <dt>{t('show.category')}</dt>
            <dd>{nameOf(p.category)}</dd>
            <dt>{t('show.venue')}</dt>
            <dd>{nameOf(p.venue)}</dd>
            <dt>{t('show.period')}</dt>
            <dd>
              {p.startDate && date(p.startDate)} – {p.endDate && date(p.endDate)}
            </dd>
            <dt>{t('show.running')}</dt>
            <dd>{t('show.minutes', { n: p.runningMinutes })}</dd>
            <dt>{t('show.age')}</dt>
            <dd>{p.ageRating === 0 ? t('show.allAges') : t('show.ageOver', { n: p.ageRating })}</dd>
            {p.cast?.length > 0 && (
              <>
                <dt>{t('show.cast')}</dt>
                <dd>{p.cast.join(', ')}</dd>
              </>
            )}
          </dl>
          <ul className="legend" aria-label={t('show.prices')}>
            {p.prices.map((g, i) => (
              <li key={g.grade}>
                <span className="swatch" style={{ background: gradeColour(g.grade, i) }} aria-hidden="true" />
                {g.grade} {price(g.price)}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <p className="description">{p.description}</p>
      <section aria-labelledby="st-h">
        <h2 id="st-h">{t('show.showtimes')}</h2>
        {showtimes.loading && !showtimes.data && <Loading />}
        <ErrorBox error={showtimes.error} onRetry={showtimes.reload} />
        {showtimes.data?.length === 0 && <Empty>{t('show.noShowtimes')}</Empty>}
        <ul className="showtimes">
          {showtimes.data?.map((s) => (
            <ShowtimeRow key={s.id} s={s} performanceId={id} />
          ))}
        </ul>
      </section>
    </article>
  );
}
