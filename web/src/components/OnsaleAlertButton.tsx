import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { onsaleAlerts } from '../api/endpoints.ts';
import { errorCode, errorMessage } from '../api/messages.ts';
import { BellIcon } from './BellIcon.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../lib/session.tsx';

/**
 * 티켓 오픈 알림 받기: a toggle for a performance-level alert (every showtime it opens). Signed out,
 * it goes to the login page and back here (`next`).
 */
export function OnsaleAlertButton({ performanceId }: { performanceId: string }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [alertId, setAlertId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    setAlertId(null);
    if (!user) return;
    let live = true;
    onsaleAlerts
      .list()
      .then((r) => {
        if (!live) return;
        const mine = r.items.find((a) => a.target === 'PERFORMANCE' && a.performanceId === performanceId);
        setAlertId(mine?.id ?? null);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [user, performanceId]);

  const press = async () => {
    if (!user) {
      const here = `${location.pathname}${location.search}`;
      void navigate(`/login?next=${encodeURIComponent(here)}`);
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      if (alertId) {
        await onsaleAlerts.remove(alertId).catch((err: unknown) => {
          if (errorCode(err) !== 'ONSALE_ALERT_NOT_FOUND') throw err;
        });
        setAlertId(null);
      } else {
        setAlertId((await onsaleAlerts.add({ performanceId })).id);
      }
    } catch (err) {
      setFailure(errorCode(err) ? errorMessage(err, lang) : t('alerts.failed'));
    } finally {
      setBusy(false);
    }
  };

  const on = user !== null && alertId !== null;
  return (
    <div className="onsale-alert">
      <button
        type="button"
        className={`btn ${on ? '' : 'secondary'} onsale-alert-button`}
        aria-pressed={on}
        disabled={busy}
        data-testid="onsale-alert-toggle"
        onClick={() => void press()}
      >
        <BellIcon muted={!on} size={18} /> {on ? t('alerts.subscribed') : t('alerts.subscribe')}
      </button>
      {on && <p className="small muted">{t('alerts.subscribedHint')}</p>}
      {failure && (
        <p className="small error" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}
