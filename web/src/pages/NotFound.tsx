import { Link } from 'react-router';
import { useI18n } from '../i18n/index.tsx';

export default function NotFound() {
  const { t } = useI18n();
  return (
    <div className="state">
      <h1>{t('state.notFound')}</h1>
      <Link to="/">{t('action.home')}</Link>
    </div>
  );
}
