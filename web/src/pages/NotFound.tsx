import { Link } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { useTitle } from '../lib/hooks.ts';

/** Any address the app does not know: say so, and the way back. */
export default function NotFound() {
  const { t } = useI18n();
  useTitle(t('state.notFound'));
  return (
    <div className="state" role="alert">
      <h1>{t('state.notFound')}</h1>
      <p className="muted">{t('state.notFoundHint')}</p>
      <Link to="/" className="btn primary">
        {t('action.home')}
      </Link>
    </div>
  );
}
