import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { notificationSettings } from '../api/endpoints.ts';
import { ErrorBox, Loading, Notice } from '../components/States.tsx';
import type { Key } from '../i18n/dict.ts';
import { useI18n } from '../i18n/index.tsx';
import { useTitle } from '../lib/hooks.ts';

type Category = 'reminders' | 'alerts' | 'marketing';

/**
 * Where the unsubscribe link of a notification mail lands, signed in or not: it names the kind of
 * mail and turns it off only when confirmed (mail scanners open links; a GET changes nothing).
 */
export default function Unsubscribe() {
  const { t } = useI18n();
  useTitle(t('unsubscribe.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [preview, setPreview] = useState<{ category: Category; emailEnabled: boolean }>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (token) notificationSettings.previewUnsubscribe(token).then(setPreview, setError);
  }, [token]);

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await notificationSettings.unsubscribe(token);
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const category = preview ? t(`notifSettings.cat.${preview.category}` as Key) : '';
  return (
    <div className="stack narrow">
      <h1>{t('unsubscribe.title')}</h1>
      {!token && <Notice kind="warn">{t('unsubscribe.noToken')}</Notice>}
      {token && !preview && !error && <Loading />}
      <ErrorBox error={error} />
      {preview && done && <Notice kind="success">{t('unsubscribe.done', { category })}</Notice>}
      {preview && !done && !preview.emailEnabled && <Notice>{t('unsubscribe.already', { category })}</Notice>}
      {preview && !done && preview.emailEnabled && (
        <>
          <p>{t('unsubscribe.question', { category })}</p>
          <p className="small muted">{t('unsubscribe.hint')}</p>
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => void confirm()}
            data-testid="unsubscribe-confirm"
          >
            {t('unsubscribe.confirm')}
          </button>
        </>
      )}
      <Link to="/profile/notifications" className="btn secondary">
        {t('unsubscribe.toSettings')}
      </Link>
    </div>
  );
}
