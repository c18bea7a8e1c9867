import { NavLink, Outlet } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';

export default function AdminLayout() {
  const { t } = useI18n();
  return (
    <div className="stack">
      <nav className="subnav" aria-label={t('nav.admin')}>
        <NavLink to="/admin" end>
          {t('admin.live')}
        </NavLink>
        <NavLink to="/admin/venues">{t('admin.venues')}</NavLink>
        <NavLink to="/admin/performances">{t('admin.performances')}</NavLink>
        <NavLink to="/admin/showtimes">{t('admin.showtimes')}</NavLink>
        <NavLink to="/admin/orders">{t('admin.orders')}</NavLink>
        <NavLink to="/admin/users">{t('admin.users')}</NavLink>
        <NavLink to="/admin/coupons">{t('admin.coupons')}</NavLink>
        <NavLink to="/admin/check-in">{t('admin.checkIn')}</NavLink>
        <NavLink to="/admin/inquiries">{t('admin.inquiries')}</NavLink>
        <NavLink to="/admin/banned-words">{t('admin.bannedWords')}</NavLink>
        <NavLink to="/admin/reviews">{t('admin.reviews')}</NavLink>
        <NavLink to="/admin/audit">{t('admin.audit')}</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
