import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { auth } from '../../api/endpoints.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useTitle } from '../../lib/hooks.ts';
import { ErrorBox, FieldMessage, Notice } from '../../components/States.tsx';

/** The page the reset mail links to: a new password twice, then on to sign in. */
export default function ResetPassword() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useTitle(t('recovery.resetTitle'));

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (password !== again) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    setError(null);
    try {
      await auth.confirmPasswordReset(token, password, lang);
      navigate('/login', { replace: true, state: { notice: 'recovery.resetDone' } });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (!token) {
    return (
      <div className="stack narrow">
        <h1>{t('recovery.resetTitle')}</h1>
        <Notice kind="warn">{t('recovery.noToken')}</Notice>
        <Link to="/forgot-password" className="btn secondary">
          {t('recovery.askAgain')}
        </Link>
      </div>
    );
  }

  return (
    <div className="stack narrow">
      <h1>{t('recovery.resetTitle')}</h1>
      <form onSubmit={(e) => void submit(e)} className="stack">
        <label>
          {t('recovery.newPassword')}
          <input
            type="password"
            name="newPassword"
            autoComplete="new-password"
            required
            minLength={10}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby="pw-hint"
          />
        </label>
        <p id="pw-hint" className="muted small">
          {t('auth.passwordHint')}
        </p>
        <label>
          {t('recovery.newPasswordAgain')}
          <input
            type="password"
            name="newPasswordAgain"
            autoComplete="new-password"
            required
            value={again}
            onChange={(e) => setAgain(e.target.value)}
            aria-invalid={mismatch}
            aria-describedby={mismatch ? 'pw-again-error' : undefined}
          />
          <FieldMessage id="pw-again-error" message={mismatch ? t('recovery.mismatch') : undefined} />
        </label>
        <ErrorBox error={error} />
        <button type="submit" className="btn primary" disabled={busy}>
          {t('recovery.savePassword')}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">{t('recovery.askAgain')}</Link>
      </p>
    </div>
  );
}
