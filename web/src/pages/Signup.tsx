import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { safeNext, withNext } from '../lib/next.ts';
import { auth } from '../api/endpoints.ts';
import { useI18n } from '../i18n/index.tsx';
import { useTitle } from '../lib/hooks.ts';
import { useSession } from '../lib/session.tsx';
import { ErrorBox, Notice } from '../components/States.tsx';
import SocialButtons from './auth/SocialButtons.tsx';

/** Sign-up in three steps on one page: send a code to the email, confirm it, then the account details. */
export default function Signup() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { login } = useSession();
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [codeSent, setCodeSent] = useState(false);
  const [verificationToken, setVerificationToken] = useState<string | null>(null);
  const [nickname, setNickname] = useState('');
  const [password, setPassword] = useState('');
  const [agreedTerms, setAgreedTerms] = useState(false);
  const [agreedPrivacy, setAgreedPrivacy] = useState(false);
  const [marketing, setMarketing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useTitle(t('nav.signup'));

  const run = async (fn: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const sendCode = (e: FormEvent): void => {
    e.preventDefault();
    void run(async () => {
      await auth.requestCode(email.trim(), lang);
      setCodeSent(true);
    });
  };
  const confirm = (e: FormEvent): void => {
    e.preventDefault();
    void run(async () => {
      const result = await auth.confirmCode(email.trim(), code.trim());
      setVerificationToken(result.verificationToken);
    });
  };
  const signup = (e: FormEvent): void => {
    e.preventDefault();
    void run(async () => {
      await auth.signup({
        email: email.trim(),
        password,
        nickname: nickname.trim(),
        consents: { terms: agreedTerms, privacy: agreedPrivacy, marketing },
        ...(verificationToken ? { verificationToken } : {}),
      });
      await login(email.trim(), password);
      // Back where the visitor pressed 예매하기 (the seat map or waiting room), not the home page.
      navigate(safeNext(params.get('next')), { replace: true });
    });
  };

  return (
    <div className="stack narrow">
      <h1>{t('nav.signup')}</h1>
      <form onSubmit={sendCode} className="stack">
        <label>
          {t('auth.email')}
          <input
            type="email"
            name="email"
            autoComplete="email"
            required
            value={email}
            disabled={verificationToken !== null}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        {verificationToken === null && (
          <button type="submit" className="btn secondary" disabled={busy}>
            {codeSent ? t('auth.resendCode') : t('auth.sendCode')}
          </button>
        )}
      </form>
      {codeSent && verificationToken === null && (
        <form onSubmit={confirm} className="stack">
          <Notice>{t('auth.codeSent')}</Notice>
          <label>
            {t('auth.code')}
            <input
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </label>
          <button type="submit" className="btn secondary" disabled={busy}>
            {t('auth.verify')}
          </button>
        </form>
      )}
      {verificationToken !== null && (
        <form onSubmit={signup} className="stack">
          <Notice kind="success">{t('auth.verified')}</Notice>
          <label>
            {t('auth.nickname')}
            <input
              name="nickname"
              required
              maxLength={30}
              value={nickname}
              onChange={(e) => setNickname(e.target.value)}
            />
          </label>
          <label>
            {t('auth.password')}
            <input
              type="password"
              name="password"
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
          <fieldset className="consents">
            <legend>{t('auth.consents')}</legend>
            <label className="check">
              <input
                type="checkbox"
                name="terms"
                required
                checked={agreedTerms}
                onChange={(e) => setAgreedTerms(e.target.checked)}
              />
              {t('auth.consentTerms')}
            </label>
            <p className="muted small">{t('auth.consentTermsSummary')}</p>
            <label className="check">
              <input
                type="checkbox"
                name="privacy"
                required
                checked={agreedPrivacy}
                onChange={(e) => setAgreedPrivacy(e.target.checked)}
              />
              {t('auth.consentPrivacy')}
            </label>
            <p className="muted small">{t('auth.consentPrivacySummary')}</p>
            <label className="check">
              <input
                type="checkbox"
                name="marketing"
                checked={marketing}
                onChange={(e) => setMarketing(e.target.checked)}
              />
              {t('profile.marketing')}
            </label>
            <p className="muted small">{t('auth.consentMarketingSummary')}</p>
          </fieldset>
          <button type="submit" className="btn primary" disabled={busy || !agreedTerms || !agreedPrivacy}>
            {t('nav.signup')}
          </button>
        </form>
      )}
      <ErrorBox error={error} />
      <SocialButtons />
      <p>
        {t('auth.haveAccount')} <Link to={withNext('/login', params.get('next'))}>{t('nav.login')}</Link>
      </p>
    </div>
  );
}
