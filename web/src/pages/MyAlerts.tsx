import { useState } from 'react';
import { Link } from 'react-router';
import { onsaleAlerts } from '../api/endpoints.ts';
import { errorCode, errorMessage } from '../api/messages.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync, useTitle } from '../lib/hooks.ts';
import { useDates } from '../lib/dates.ts';
import { Empty, ErrorBox, Loading } from '../components/States.tsx';

/** 알림 신청: the caller's ticket-open alerts, each with when it opens and a remove button. */
export default function MyAlerts() {
  const { t, lang } = useI18n();
  const dates = useDates();
  useTitle(t('alerts.title'));
  const { data, error, loading, reload } = useAsync(() => onsaleAlerts.list(), []);
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const [failure, setFailure] = useState<string>();
  const items = (data?.items ?? []).filter((a) => !removed.has(a.id));

  const remove = async (id: string) => {
    setFailure(undefined);
    try {
      await onsaleAlerts.remove(id);
    } catch (err) {
      if (errorCode(err) !== 'ONSALE_ALERT_NOT_FOUND') {
        setFailure(errorMessage(err, lang));
        return;
      }
    }
    setRemoved((prev) => new Set(prev).add(id));
  };

  return (
    <div className="stack narrow">
      <h1>{t('alerts.title')}</h1>
      <p className="muted">{t('alerts.intro')}</p>
      {loading && !data && <Loading />}
      {error !== undefined && <ErrorBox error={error} onRetry={reload} />}
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      {data && items.length === 0 && (
        <Empty>
          <p>{t('alerts.empty')}</p>
          <Link to="/search" className="btn">
            {t('wish.browse')}
          </Link>
        </Empty>
      )}
      <ul className="alert-list" data-testid="onsale-alerts">
        {items.map((a) => {
          const opened = a.salesOpenAt !== null && new Date(a.salesOpenAt).getTime() <= Date.now();
          return (
            <li key={a.id} className="alert-item card">
              <div className="alert-what">
                <Link to={`/performances/${a.performanceId}`} className="alert-title">
                  {a.performanceTitle}
                </Link>
                <p className="small muted">
                  {a.startsAt
                    ? t('alerts.showtime', { when: dates.dayTime(a.startsAt) })
                    : t('alerts.allShowtimes')}
                </p>
                <p className="small">
                  {a.salesOpenAt === null
                    ? t('alerts.noUpcomingOpen')
                    : opened
                      ? t('alerts.opened')
                      : t('alerts.opensAt', { when: dates.dayTime(a.salesOpenAt) })}
                </p>
              </div>
              <button
                type="button"
                className="btn secondary"
                aria-label={t('alerts.removeLabel', { title: a.performanceTitle })}
                onClick={() => void remove(a.id)}
              >
                {t('alerts.remove')}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
