import { Link, useSearchParams } from 'react-router';
import { admin, catalog } from '../../api/endpoints.ts';
import { errorCode } from '../../api/messages.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useAsync, useInterval, useTitle } from '../../lib/hooks.ts';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { LineChart } from '../../components/LineChart.tsx';
import { PerformancePicker } from './Showtimes.tsx';

const POLL_MS = 2000;

/** The onsale dashboard: polls the live figures of one showtime and draws them. */
export default function LiveDashboard() {
  const { t, number, price, dateTime } = useI18n();
  useTitle(t('admin.live'));
  const [params, setParams] = useSearchParams();
  const performanceId = params.get('performance') ?? '';
  const showtimeId = params.get('showtime') ?? '';
  const showtimes = useAsync(
    () => (performanceId ? catalog.showtimes(performanceId) : Promise.resolve([])),
    [performanceId],
  );
  const live = useAsync(() => (showtimeId ? admin.live(showtimeId) : Promise.resolve(null)), [showtimeId]);
  useInterval(live.reload, showtimeId && errorCode(live.error) !== 'NOT_FOUND' ? POLL_MS : null);

  const figures = live.data;
  const notAvailable = errorCode(live.error) === 'NOT_FOUND';
  const series = figures?.series ?? [];
  return (
    <div className="stack">
      <h1>{t('admin.live')}</h1>
      <div className="row">
        <PerformancePicker
          value={performanceId}
          onChange={(id) => setParams(id ? { performance: id } : {})}
        />
        <label>
          {t('admin.showtime')}
          <select
            value={showtimeId}
            onChange={(e) =>
              setParams({
                performance: performanceId,
                ...(e.target.value ? { showtime: e.target.value } : {}),
              })
            }
          >
            <option value="">—</option>
            {showtimes.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {dateTime(s.startsAt)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!showtimeId && <Empty>{t('admin.pickShowtime')}</Empty>}
      {showtimeId && live.loading && !figures && !live.error && <Loading />}
      {notAvailable && <Empty>{t('admin.liveUnavailable')}</Empty>}
      {!notAvailable && <ErrorBox error={live.error} onRetry={live.reload} />}
      {figures && (
        <>
          <dl className="stats" aria-live="polite">
            <div>
              <dt>{t('admin.waiting')}</dt>
              <dd>{number(figures.waiting)}</dd>
            </div>
            <div>
              <dt>{t('admin.admittedPerSecond')}</dt>
              <dd>{number(figures.admittedPerSecond)}</dd>
            </div>
            <div>
              <dt>{t('admin.active')}</dt>
              <dd>{number(figures.active)}</dd>
            </div>
            <div>
              <dt>{t('admin.held')}</dt>
              <dd>{number(figures.held)}</dd>
            </div>
            <div>
              <dt>{t('admin.sold')}</dt>
              <dd>{number(figures.sold)}</dd>
            </div>
            <div>
              <dt>{t('admin.revenue')}</dt>
              <dd>{price(figures.revenue)}</dd>
            </div>
          </dl>
          {figures.fairness && (
            <section aria-labelledby="fair-h" data-testid="live-fairness">
              <h2 id="fair-h">{t('admin.fairness')}</h2>
              <dl className="stats" aria-live="polite">
                <div>
                  <dt>{t('admin.entriesPerSecond')}</dt>
                  <dd>{number(figures.fairness.entriesPerSecond)}</dd>
                </div>
                <div>
                  <dt>{t('admin.difficulty')}</dt>
                  <dd>
                    {figures.fairness.proofOfWork ? number(figures.fairness.difficulty) : t('admin.powOff')}
                  </dd>
                </div>
                <div>
                  <dt>{t('admin.earlyEntrants')}</dt>
                  <dd>{number(figures.fairness.earlyEntrants)}</dd>
                </div>
                <div>
                  <dt>{t('admin.drawnAt')}</dt>
                  <dd>
                    {figures.fairness.drawnAt ? dateTime(figures.fairness.drawnAt) : t('admin.notDrawn')}
                  </dd>
                </div>
              </dl>
              <p className="small">
                {t('admin.commitment')}: <code className="hex">{figures.fairness.commitment ?? '—'}</code> ·{' '}
                <Link to={`/showtimes/${showtimeId}/audit`}>{t('queue.auditLink')}</Link>
              </p>
            </section>
          )}
          <div className="charts">
            <LineChart
              title={t('admin.waiting')}
              colour="#5b2bd6"
              points={series.map((p) => ({ t: p.t, v: p.waiting }))}
            />
            <LineChart
              title={t('admin.sold')}
              colour="#1565c0"
              points={series.map((p) => ({ t: p.t, v: p.sold }))}
            />
            <LineChart
              title={t('admin.revenue')}
              colour="#2e7d32"
              format={price}
              points={series.map((p) => ({ t: p.t, v: p.revenue }))}
            />
          </div>
        </>
      )}
    </div>
  );
}
