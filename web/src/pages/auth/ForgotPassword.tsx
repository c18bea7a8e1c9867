import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { auth } from '../../api/endpoints.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useTitle } from '../../lib/hooks.ts';
import { ErrorBox, Notice } from '../../components/States.tsx';
import './recovery.css';

/** Asks for a reset link. The answer is the same whether the address has an account or not. */
export default function ForgotPassword() {
  const { t, lang } = useI18n();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useTitle(t('recovery.forgotTitle'));

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await auth.requestPasswordReset(email.trim(), lang);
      setSentTo(email.trim());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack narrow">
      <h1>{t('recovery.forgotTitle')}</h1>
      {sentTo === null ? (
        <form onSubmit={(e) => void submit(e)} className="stack">
          <p className="muted">{t('recovery.forgotIntro')}</p>
          <label>
            {t('auth.email')}
            <input
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          <ErrorBox error={error} />
          <button type="submit" className="btn primary" disabled={busy}>
            {t('recovery.sendLink')}
          </button>
        </form>
      ) : (
        <div className="recovery-sent">
          <Notice kind="success">
            <strong>{t('recovery.sentTitle')}</strong>
            <p>{t('recovery.sentBody', { email: sentTo })}</p>
            <p className="muted small">{t('recovery.sentHint')}</p>
          </Notice>
        </div>
      )}
      <p>
        <Link to="/login">{t('recovery.backToLogin')}</Link>
      </p>
    </div>
  );
}
