import { useSearchParams } from 'react-router';
import { social } from '../../api/endpoints.ts';
import { MESSAGES } from '../../api/messages.ts';
import type { SocialProvider } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useAsync } from '../../lib/hooks.ts';
import { safeNext } from '../../lib/next.ts';
import './social.css';

/** Codes the API sends back in `?error=` after a social sign-in; anything else reads as OAUTH_FAILED. */
const RETURNED_ERRORS = [
  'OAUTH_FAILED',
  'OAUTH_EMAIL_IN_USE',
  'OAUTH_EMAIL_REQUIRED',
  'OAUTH_IDENTITY_TAKEN',
];

/**
 * Kakao, Naver and Google sign-in, for the providers this server has configured (none: nothing shows).
 * Each button is a plain link: the API redirects to the provider and, afterwards, back to the web app.
 */
export default function SocialButtons() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const { data } = useAsync(() => social.providers(), []);
  const returned = params.get('error');
  const errorCode = returned && (RETURNED_ERRORS.includes(returned) ? returned : 'OAUTH_FAILED');
  const providers = data?.providers ?? [];
  if (providers.length === 0 && !errorCode) return null;
  const next = safeNext(params.get('next'));
  return (
    <section className="stack social" aria-label={t('social.or')}>
      {errorCode && (
        <div className="state error" role="alert" data-code={errorCode}>
          <p>{MESSAGES[errorCode]![lang]}</p>
        </div>
      )}
      {providers.length > 0 && <p className="social-or muted small">{t('social.or')}</p>}
      {providers.map((provider: SocialProvider) => (
        <a
          key={provider}
          className={`btn social-btn social-${provider}`}
          href={social.startUrl(provider, next === '/' ? {} : { next })}
          data-provider={provider}
        >
          <span className="social-mark" aria-hidden="true">
            {provider === 'kakao' ? 'K' : provider === 'naver' ? 'N' : 'G'}
          </span>
          {t(`social.${provider}`)}
        </a>
      ))}
      {providers.length > 0 && <p className="muted small">{t('social.consent')}</p>}
    </section>
  );
}
