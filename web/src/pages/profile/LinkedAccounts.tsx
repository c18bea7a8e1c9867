import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { social } from '../../api/endpoints.ts';
import { MESSAGES } from '../../api/messages.ts';
import type { SocialProvider } from '../../api/types.ts';
import { ErrorBox, Notice } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useAsync } from '../../lib/hooks.ts';
import '../auth/social.css';

/**
 * The profile's linked sign-in providers: link one (a one-time ticket, then the provider's page) or
 * unlink one. The server refuses to unlink the last way to sign in; the page shows its answer.
 */
export default function LinkedAccounts() {
  const { t, date, lang } = useI18n();
  const [params] = useSearchParams();
  const configured = useAsync(() => social.providers(), []);
  const linked = useAsync(() => social.identities(), []);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const providers = configured.data?.providers ?? [];
  if (providers.length === 0) return null;

  const justLinked = params.get('linked') as SocialProvider | null;
  const returnedError = params.get('error');
  const name = (p: SocialProvider) => t(`provider.${p}`);

  const link = async (provider: SocialProvider) => {
    setBusy(true);
    setError(null);
    try {
      const { ticket } = await social.linkTicket();
      window.location.assign(social.startUrl(provider, { link: ticket, next: '/profile' }));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  const unlink = async (provider: SocialProvider) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await social.unlink(provider);
      setNotice(t('linked.removed', { provider: name(provider) }));
      linked.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="stack" aria-labelledby="linked-accounts">
      <h2 id="linked-accounts">{t('linked.title')}</h2>
      <p className="muted small">{t('linked.hint')}</p>
      {justLinked && providers.includes(justLinked) && !notice && (
        <Notice kind="success">{t('linked.done', { provider: name(justLinked) })}</Notice>
      )}
      {returnedError && !notice && (
        <div className="state error" role="alert" data-code={returnedError}>
          <p>{(MESSAGES[returnedError] ?? MESSAGES.OAUTH_FAILED!)[lang]}</p>
        </div>
      )}
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorBox error={error ?? linked.error} inline />
      <ul className="stack linked-accounts">
        {providers.map((provider) => {
          const identity = linked.data?.identities.find((i) => i.provider === provider);
          return (
            <li key={provider} className="linked-account" data-provider={provider}>
              <span className="linked-name">
                <strong>{name(provider)}</strong>
                <span className="muted small">
                  {identity ? (identity.email ?? date(identity.linkedAt)) : t('linked.notLinked')}
                </span>
              </span>
              {identity ? (
                <button
                  type="button"
                  className="btn secondary small"
                  disabled={busy}
                  aria-label={`${name(provider)} ${t('linked.unlink')}`}
                  onClick={() => void unlink(provider)}
                >
                  {t('linked.unlink')}
                </button>
              ) : (
                <button
                  type="button"
                  className={`btn small social-${provider}`}
                  disabled={busy || !linked.data}
                  aria-label={`${name(provider)} ${t('linked.link')}`}
                  onClick={() => void link(provider)}
                >
                  {t('linked.link')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
