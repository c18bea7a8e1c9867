import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { auth } from '../../api/endpoints.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useTitle } from '../../lib/hooks.ts';
import { ErrorBox, Notice } from '../../components/States.tsx';
import './recovery.css';

type Way = 'nickname' | 'phone';
const WAYS: { id: Way; label: 'recovery.byNickname' | 'recovery.byPhone' }[] = [
  { id: 'nickname', label: 'recovery.byNickname' },
  { id: 'phone', label: 'recovery.byPhone' },
];

/** Finds the sign-in email by nickname and birth date, or by phone; the hint goes by mail only. */
export default function FindEmail() {
  const { t, lang } = useI18n();
  const [way, setWay] = useState<Way>('nickname');
  const [nickname, setNickname] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [phone, setPhone] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useTitle(t('recovery.findTitle'));

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await auth.findEmail(
        way === 'phone' ? { phone: phone.trim() } : { nickname: nickname.trim(), birthDate },
        lang,
      );
      setSent(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const choose = (next: Way): void => {
    setWay(next);
    setError(null);
    document.getElementById(`find-tab-${next}`)?.focus();
  };

  return (
    <div className="stack narrow">
      <h1>{t('recovery.findTitle')}</h1>
      {sent ? (
        <div className="recovery-sent">
          <Notice kind="success">
            <strong>{t('recovery.sentTitle')}</strong>
            <p>{t('recovery.findSentBody')}</p>
            <p className="muted small">{t('recovery.sentHint')}</p>
          </Notice>
        </div>
      ) : (
        <>
          <p className="muted">{t('recovery.findIntro')}</p>
          <div role="tablist" aria-label={t('recovery.tabs')} className="recovery-tabs">
            {WAYS.map((x, i) => (
              <button
                key={x.id}
                type="button"
                role="tab"
                id={`find-tab-${x.id}`}
                aria-selected={way === x.id}
                aria-controls="find-panel"
                tabIndex={way === x.id ? 0 : -1}
                onClick={() => choose(x.id)}
                onKeyDown={(e) => {
                  if (e.key === 'ArrowRight' || e.key === 'ArrowLeft')
                    choose(WAYS[(i + 1) % WAYS.length]!.id);
                }}
              >
                {t(x.label)}
              </button>
            ))}
          </div>
          <form
            id="find-panel"
            role="tabpanel"
            aria-labelledby={`find-tab-${way}`}
            onSubmit={(e) => void submit(e)}
            className="stack"
          >
            {way === 'nickname' ? (
              <>
                <label>
                  {t('auth.nickname')}
                  <input
                    name="nickname"
                    autoComplete="nickname"
                    required
                    maxLength={30}
                    value={nickname}
                    onChange={(e) => setNickname(e.target.value)}
                  />
                </label>
                <label>
                  {t('auth.birthDate')}
                  <input
                    type="date"
                    name="birthDate"
                    autoComplete="bday"
                    required
                    value={birthDate}
                    onChange={(e) => setBirthDate(e.target.value)}
                  />
                </label>
              </>
            ) : (
              <>
                <label>
                  {t('recovery.byPhone')}
                  <input
                    type="tel"
                    name="phone"
                    autoComplete="tel"
                    inputMode="tel"
                    required
                    maxLength={20}
                    value={phone}
                    onChange={(e) => setPhone(e.target.value)}
                    aria-describedby="phone-hint"
                  />
                </label>
                <p id="phone-hint" className="muted small">
                  {t('recovery.phoneHint')}
                </p>
              </>
            )}
            <ErrorBox error={error} />
            <button type="submit" className="btn primary" disabled={busy}>
              {t('recovery.find')}
            </button>
          </form>
        </>
      )}
      <p className="recovery-links">
        <Link to="/login">{t('recovery.backToLogin')}</Link>
        <Link to="/forgot-password">{t('recovery.forgotLink')}</Link>
      </p>
    </div>
  );
}
