import { useState, type FormEvent } from 'react';
import { account } from '../../api/endpoints.ts';
import { fieldErrors } from '../../api/fieldErrors.ts';
import { ErrorBox, FieldMessage, Notice } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** A new password needs the current one; the server then signs out every other device. */
export function Password() {
  const { t, lang } = useI18n();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>();
  const errors = fieldErrors(error, lang);

  const change = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setDone(false);
    setError(undefined);
    try {
      await account.update({ currentPassword, newPassword });
      setCurrent('');
      setNew('');
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="profile-section stack" aria-labelledby="profile-password">
      <h2 id="profile-password">{t('profile.passwordTitle')}</h2>
      <form className="stack" onSubmit={change} noValidate>
        <label>
          {t('profile.currentPassword')}
          <input
            type="password"
            name="currentPassword"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setCurrent(e.target.value)}
            aria-invalid={errors.currentPassword ? true : undefined}
            aria-describedby={errors.currentPassword ? 'password-current-error' : undefined}
          />
          <FieldMessage id="password-current-error" message={errors.currentPassword} />
        </label>
        <label>
          {t('profile.newPassword')}
          <input
            type="password"
            name="newPassword"
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNew(e.target.value)}
            aria-invalid={errors.newPassword ? true : undefined}
            aria-describedby={errors.newPassword ? 'password-new-error' : 'password-new-hint'}
          />
          <span id="password-new-hint" className="muted small">
            {t('auth.passwordHint')}
          </span>
          <FieldMessage id="password-new-error" message={errors.newPassword} />
        </label>
        <ErrorBox error={error} shownFields={['currentPassword', 'newPassword']} />
        {done && <Notice kind="success">{t('profile.passwordChanged')}</Notice>}
        <div className="actions">
          <button type="submit" className="btn primary" disabled={busy || !currentPassword || !newPassword}>
            {t('profile.passwordChange')}
          </button>
        </div>
      </form>
    </section>
  );
}
