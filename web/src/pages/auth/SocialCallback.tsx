import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Loading } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useTitle } from '../../lib/hooks.ts';
import { safeNext } from '../../lib/next.ts';
import { useSession } from '../../lib/session.tsx';

/**
 * Where the API sends the browser after a social sign-in, with the refresh cookie set. The session
 * provider refreshes on every page load, so this page only waits for it and goes on to `next`.
 */
export default function SocialCallback() {
  const { t } = useI18n();
  const { user, ready } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  useTitle(t('nav.login'));
  useEffect(() => {
    if (!ready) return;
    if (user) navigate(safeNext(params.get('next')), { replace: true });
    else navigate('/login?error=OAUTH_FAILED', { replace: true });
  }, [ready, user, params, navigate]);
  return <Loading label={t('social.finishing')} />;
}
