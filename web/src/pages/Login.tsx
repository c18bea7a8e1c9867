import { useState, type FormEvent } from 'react';
import { safeNext, withNext } from '../lib/next.ts';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { useTitle } from '../lib/hooks.ts';
import { useSession } from '../lib/session.tsx';
import { ErrorBox, Notice } from '../components/States.tsx';
import './auth/recovery.css';
import SocialButtons from './auth/SocialButtons.tsx';

export default function Login() {
  const { t } = useI18n();
  const { login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Set by the reset page after a new password: every device was signed out.
  const resetDone = (useLocation().state as { notice?: string } | null)?.notice === 'recovery.resetDone';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useTitle(t('nav.login'));

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack narrow">
      <h1>{t('nav.login')}</h1>
      {resetDone && <Notice kind="success">{t('recovery.resetDone')}</Notice>}
      <form onSubmit={(e) => void submit(e)} className="stack">
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
        <label>
          {t('auth.password')}
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <ErrorBox error={error} />
        <button type="submit" className="btn primary" disabled={busy}>
          {t('nav.login')}
        </button>
      </form>
      <p className="recovery-links">
        <Link to="/forgot-password">{t('recovery.forgotLink')}</Link>
        <Link to="/find-email">{t('recovery.findEmailLink')}</Link>
      </p>
      <SocialButtons />
      <p>
        {t('auth.noAccount')} <Link to={withNext('/signup', params.get('next'))}>{t('nav.signup')}</Link>
      </p>
    </div>
  );
}
