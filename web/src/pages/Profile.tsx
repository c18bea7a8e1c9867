import { Link } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { useTitle } from '../lib/hooks.ts';
import { useSession } from '../lib/session.tsx';
import { Account } from './profile/Account.tsx';
import { Consents } from './profile/Consents.tsx';
import { Devices } from './profile/Devices.tsx';
import { Password } from './profile/Password.tsx';
import { Withdrawal } from './profile/Withdrawal.tsx';
import './profile/profile.css';
import LinkedAccounts from './profile/LinkedAccounts.tsx';

/** 내 정보: one section per concern, each saving on its own (signing out: the header, or Devices). */
export default function Profile() {
  const { t } = useI18n();
  const { user } = useSession();
  useTitle(t('nav.profile'));
  if (!user) return null;
  return (
    <div className="stack narrow profile">
      <h1>{t('nav.profile')}</h1>
      <Link to="/me/wishlist" className="btn secondary" data-testid="profile-wishlist">
        {t('nav.wishlist')}
      </Link>
      <Link to="/me/inquiries" className="btn secondary" data-testid="profile-inquiries">
        {t('nav.inquiries')}
      </Link>
      <Link to="/me/reviews" className="btn secondary" data-testid="profile-reviews">
        {t('nav.myReviews')}
      </Link>
      <Link to="/me/notifications" className="btn secondary" data-testid="profile-notifications">
        {t('nav.notifications')}
      </Link>
      <Link to="/profile/notifications" className="btn secondary" data-testid="profile-notification-settings">
        {t('nav.notificationSettings')}
      </Link>
      <Link to="/me/alerts" className="btn secondary" data-testid="profile-alerts">
        {t('alerts.title')}
      </Link>
      <Link to="/me/keywords" className="btn secondary" data-testid="profile-keywords">
        {t('nav.keywords')}
      </Link>
      <Account user={user} />
      <Password />
      <Consents user={user} />
      <Devices />
      <LinkedAccounts />
      <Withdrawal />
    </div>
  );
}
