import { useState } from 'react';
import { account } from '../../api/endpoints.ts';
import type { User } from '../../api/types.ts';
import { ErrorBox } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useDates } from '../../lib/dates.ts';
import { useSession } from '../../lib/session.tsx';

/**
 * What the account agreed to and when. The marketing opt-in saves as soon as it is toggled; the
 * server logs each change with its time, and the time of the last one is shown (a change of consent
 * must be confirmed to the person with its date).
 */
export function Consents({ user }: { user: User }) {
  const { t } = useI18n();
  const dates = useDates();
  const { reloadUser } = useSession();
  const [busy, setBusy] = useState(false);
  // The choice shows at once while it is saved; the server's answer then takes over.
  const [pending, setPending] = useState<boolean>();
  const [error, setError] = useState<unknown>();
  const consents = user.consents ?? { marketing: { granted: false } };
  const marketing = consents.marketing;

  const toggle = async (granted: boolean) => {
    setBusy(true);
    setPending(granted);
    setError(undefined);
    try {
      await account.update({ consents: { marketing: granted } });
      await reloadUser();
    } catch (err) {
      setError(err);
    } finally {
      setPending(undefined);
      setBusy(false);
    }
  };

  const at = (iso: string) => dates.dayTime(iso, true);
  return (
    <section className="profile-section stack" aria-labelledby="profile-consents">
      <h2 id="profile-consents">{t('profile.consentsTitle')}</h2>
      {(consents.terms || consents.privacy) && (
        <ul className="plain small muted">
          {consents.terms && <li>{t('profile.termsAgreed', { at: at(consents.terms) })}</li>}
          {consents.privacy && <li>{t('profile.privacyAgreed', { at: at(consents.privacy) })}</li>}
        </ul>
      )}
      <label className="check consent">
        <input
          type="checkbox"
          name="marketing"
          checked={pending ?? marketing.granted}
          disabled={busy}
          onChange={(e) => void toggle(e.target.checked)}
          aria-describedby="marketing-state"
        />
        {t('profile.marketing')}
      </label>
      <p id="marketing-state" className="small muted" role="status" data-testid="marketing-state">
        {marketing.at
          ? t(marketing.granted ? 'profile.marketingOnAt' : 'profile.marketingOffAt', {
              at: at(marketing.at),
            })
          : t('profile.marketingNever')}
      </p>
      <ErrorBox error={error} />
    </section>
  );
}
