import { Link, useNavigate } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { useTitle } from '../lib/hooks.ts';
import { useSession } from '../lib/session.tsx';

export default function Profile() {
  const { t, date } = useI18n();
  const { user, logout } = useSession();
  const navigate = useNavigate();
  useTitle(t('nav.profile'));
  if (!user) return null;
  return (
    <div className="stack narrow">
      <h1>{t('nav.profile')}</h1>
      <dl className="facts">
        <dt>{t('auth.email')}</dt>
        <dd data-testid="profile-email">{user.email}</dd>
        <dt>{t('auth.nickname')}</dt>
        <dd>{user.nickname}</dd>
        {user.phone && (
          <>
            <dt>{t('auth.phone')}</dt>
            <dd>{user.phone}</dd>
          </>
        )}
        {user.birthDate && (
          <>
            <dt>{t('auth.birthDate')}</dt>
            <dd>{date(user.birthDate)}</dd>
          </>
        )}
        <dt>{t('auth.role')}</dt>
        <dd>{user.role}</dd>
      </dl>
      <Link to="/me/wishlist" className="btn secondary" data-testid="profile-wishlist">
        {t('nav.wishlist')}
      </Link>
      <button type="button" className="btn secondary" onClick={() => void logout().then(() => navigate('/'))}>
        {t('nav.logout')}
      </button>
    </div>
  );
}
