import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { notificationSettings } from '../../api/endpoints.ts';
import type { NotificationSettings as Settings } from '../../api/types.ts';
import { ErrorBox, Loading } from '../../components/States.tsx';
import type { Key } from '../../i18n/dict.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useTitle } from '../../lib/hooks.ts';
import './profile.css';

type Category = keyof Settings['email'];
type Channel = keyof Settings;
const CATEGORIES: Category[] = ['booking', 'reminders', 'alerts', 'marketing'];
const CHANNELS: Channel[] = ['email', 'inApp'];

/**
 * 알림 설정: one row per category, a switch per channel, each saved as soon as it is toggled (the
 * server's answer then takes over). Booking mail shows on and cannot be switched off.
 */
export default function NotificationSettings() {
  const { t } = useI18n();
  useTitle(t('nav.notificationSettings'));
  const [settings, setSettings] = useState<Settings>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const [saved, setSaved] = useState(false);

  const load = () => {
    setError(undefined);
    notificationSettings.get().then(setSettings, setError);
  };
  useEffect(load, []);

  const toggle = async (channel: Channel, category: Category, on: boolean) => {
    if (!settings) return;
    const key = `${channel}.${category}`;
    setBusy(key);
    setSaved(false);
    setError(undefined);
    setSettings({ ...settings, [channel]: { ...settings[channel], [category]: on } });
    try {
      setSettings(await notificationSettings.update({ [channel]: { [category]: on } }));
      setSaved(true);
    } catch (err) {
      setSettings(settings);
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="stack narrow profile">
      <p className="small">
        <Link to="/profile">← {t('nav.profile')}</Link>
      </p>
      <h1>{t('nav.notificationSettings')}</h1>
      <p className="muted">{t('notifSettings.intro')}</p>
      {!settings && !error && <Loading />}
      <ErrorBox error={error} onRetry={settings ? undefined : load} />
      {settings && (
        <ul className="plain notif-settings" data-testid="notification-settings">
          {CATEGORIES.map((category) => {
            const locked = category === 'booking';
            return (
              <li key={category} className="profile-section">
                <fieldset>
                  <legend>{t(`notifSettings.cat.${category}` as Key)}</legend>
                  <p className="small muted">{t(`notifSettings.cat.${category}Hint` as Key)}</p>
                  <div className="notif-switches">
                    {CHANNELS.map((channel) => {
                      const lockedHere = locked && channel === 'email';
                      const id = `notif-${channel}-${category}`;
                      return (
                        <label key={channel} className="check" htmlFor={id}>
                          <input
                            id={id}
                            type="checkbox"
                            role="switch"
                            name={`${channel}.${category}`}
                            checked={lockedHere || settings[channel][category]}
                            disabled={lockedHere || busy !== undefined}
                            aria-describedby={lockedHere ? 'booking-mail-locked' : undefined}
                            onChange={(e) => void toggle(channel, category, e.target.checked)}
                          />
                          {t(channel === 'email' ? 'notifSettings.email' : 'notifSettings.inApp')}
                        </label>
                      );
                    })}
                  </div>
                  {locked && (
                    <p id="booking-mail-locked" className="small muted">
                      {t('notifSettings.bookingMailLocked')}
                    </p>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ul>
      )}
      <p className="small muted">{t('notifSettings.capNote')}</p>
      <p className="small muted" role="status">
        {saved ? t('notifSettings.saved') : ''}
      </p>
    </div>
  );
}
