import { useState } from 'react';
import { useNavigate } from 'react-router';
import { account } from '../../api/endpoints.ts';
import type { DeviceSession } from '../../api/types.ts';
import { ErrorBox, Loading, Notice } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useDates } from '../../lib/dates.ts';
import { useAsync } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';

/**
 * Where the account is signed in. Another device is signed out at once (its refresh is refused and
 * its pages stop working within seconds); this device signs out as the header's 로그아웃 does.
 */
export function Devices() {
  const { t } = useI18n();
  const dates = useDates();
  const { logout } = useSession();
  const navigate = useNavigate();
  const list = useAsync(() => account.sessions(), []);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<unknown>();

  const name = (d: DeviceSession) => d.device || t('profile.unknownDevice');
  const act = async (work: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setDone(undefined);
    setError(undefined);
    try {
      await work();
      setDone(message);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      list.reload();
    }
  };
  const signOutHere = async () => {
    await logout();
    navigate('/login');
  };

  const sessions = list.data ?? [];
  const others = sessions.filter((d) => !d.current);
  return (
    <section className="profile-section stack" aria-labelledby="profile-devices">
      <h2 id="profile-devices">{t('profile.devicesTitle')}</h2>
      <p className="small muted">{t('profile.devicesHint')}</p>
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <ErrorBox error={list.error} onRetry={list.reload} inline />}
      {sessions.length > 0 && (
        <ul className="device-list" data-testid="device-list">
          {sessions.map((d) => (
            <li key={d.id} className={d.current ? 'current' : undefined} data-current={d.current}>
              <div className="device-facts">
                <span className="device-name">
                  {name(d)} {d.current && <span className="badge">{t('profile.thisDevice')}</span>}
                </span>
                <span className="small muted">
                  {t('profile.lastSeen', { at: dates.dayTime(d.lastSeenAt) })} ·{' '}
                  {t('profile.address', { address: d.address })}
                </span>
                <span className="small muted">
                  {t('profile.signedInAt', { at: dates.dayTime(d.createdAt, true) })}
                </span>
              </div>
              {d.current ? (
                <button
                  type="button"
                  className="btn secondary"
                  disabled={busy}
                  onClick={() => void signOutHere()}
                >
                  {t('profile.logoutThis')}
                </button>
              ) : (
                <button
                  type="button"
                  className="btn secondary"
                  disabled={busy}
                  aria-label={t('profile.logoutDeviceLabel', { device: name(d) })}
                  onClick={() =>
                    void act(() => account.endSession(d.id), t('profile.deviceEnded', { device: name(d) }))
                  }
                >
                  {t('profile.logoutDevice')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <div className="actions">
          <button
            type="button"
            className="btn secondary"
            disabled={busy}
            onClick={() => void act(() => account.endOtherSessions(), t('profile.othersEnded'))}
          >
            {t('profile.logoutOthers')}
          </button>
        </div>
      )}
      {done && <Notice kind="success">{done}</Notice>}
      <ErrorBox error={error} inline />
    </section>
  );
}
