import { useState, type FormEvent } from 'react';
import { account } from '../../api/endpoints.ts';
import { fieldErrors } from '../../api/fieldErrors.ts';
import type { Language, User } from '../../api/types.ts';
import { ErrorBox, FieldMessage, Notice } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../lib/session.tsx';

/** Nickname, phone, birth date and the language mail is written in. The email is the sign-in name. */
export function Account({ user }: { user: User }) {
  const { t, lang } = useI18n();
  const { reloadUser } = useSession();
  const [nickname, setNickname] = useState(user.nickname);
  const [phone, setPhone] = useState(user.phone ?? '');
  const [birthDate, setBirthDate] = useState(user.birthDate ?? '');
  const [language, setLanguage] = useState<Language>(user.language);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();
  const errors = fieldErrors(error, lang);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    setError(undefined);
    try {
      await account.update({
        nickname: nickname.trim(),
        phone: phone.trim() || null,
        birthDate: birthDate || null,
        language,
      });
      await reloadUser();
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const invalid = (key: string) =>
    errors[key] ? { 'aria-invalid': true, 'aria-describedby': `account-${key}-error` } : {};

  return (
    <section className="profile-section stack" aria-labelledby="profile-account">
      <h2 id="profile-account">{t('profile.accountTitle')}</h2>
      <form className="stack" onSubmit={save} noValidate>
        <dl className="facts">
          <dt>{t('auth.email')}</dt>
          <dd data-testid="profile-email">{user.email}</dd>
        </dl>
        <label>
          {t('auth.nickname')}
          <input
            name="nickname"
            required
            maxLength={30}
            value={nickname}
            onChange={(e) => setNickname(e.target.value)}
            {...invalid('nickname')}
          />
          <FieldMessage id="account-nickname-error" message={errors.nickname} />
        </label>
        <label>
          {t('auth.phone')}
          <input
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            maxLength={20}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            aria-describedby={errors.phone ? 'account-phone-error' : 'account-phone-hint'}
            aria-invalid={errors.phone ? true : undefined}
          />
          <span id="account-phone-hint" className="muted small">
            {t('profile.phoneHint')}
          </span>
          <FieldMessage id="account-phone-error" message={errors.phone} />
        </label>
        <label>
          {t('auth.birthDate')}
          <input
            name="birthDate"
            type="date"
            autoComplete="bday"
            value={birthDate}
            onChange={(e) => setBirthDate(e.target.value)}
            {...invalid('birthDate')}
          />
          <FieldMessage id="account-birthDate-error" message={errors.birthDate} />
        </label>
        <label>
          {t('profile.language')}
          <select
            name="language"
            value={language}
            onChange={(e) => setLanguage(e.target.value as Language)}
            aria-describedby="account-language-hint"
          >
            <option value="ko">{t('profile.langKo')}</option>
            <option value="en">{t('profile.langEn')}</option>
          </select>
          <span id="account-language-hint" className="muted small">
            {t('profile.languageHint')}
          </span>
        </label>
        <ErrorBox error={error} shownFields={['nickname', 'phone', 'birthDate']} />
        {saved && <Notice kind="success">{t('profile.saved')}</Notice>}
        <div className="actions">
          <button type="submit" className="btn primary" disabled={busy}>
            {t('profile.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
