import { Suspense, useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../lib/session.tsx';
import { Loading } from './States.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { AssistantPanel } from './AssistantPanel.tsx';

export function LangSwitch() {
  const { lang, setLang } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label="Language / 언어">
      <button type="button" aria-pressed={lang === 'ko'} onClick={() => setLang('ko')} lang="ko">
        한국어
      </button>
      <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')} lang="en">
        English
      </button>
    </div>
  );
}

export function Layout() {
  const { t } = useI18n();
  const { user, logout } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // After a client-side navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
  }, [pathname]);
  return (
    <>
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <NavLink to="/" className="brand">
          Culture Ticket
        </NavLink>
        <nav aria-label={t('nav.main')}>
          <NavLink to="/search">{t('nav.search')}</NavLink>
          <NavLink to="/coupons">{t('nav.coupons')}</NavLink>
          {user && <NavLink to="/me/reservations">{t('nav.reservations')}</NavLink>}
          {user?.role === 'STAFF' && <NavLink to="/door">{t('nav.door')}</NavLink>}
          {user?.role === 'ADMIN' && <NavLink to="/admin">{t('nav.admin')}</NavLink>}
          {user ? (
            <>
              <NavLink to="/profile">{t('nav.profile')}</NavLink>
              <button type="button" className="link" onClick={() => void logout().then(() => navigate('/'))}>
                {t('nav.logout')}
              </button>
            </>
          ) : (
            <>
              <NavLink to="/login">{t('nav.login')}</NavLink>
              <NavLink to="/signup">{t('nav.signup')}</NavLink>
            </>
          )}
        </nav>
        <AssistantPanel />
        {user && <NotificationBell />}
        <LangSwitch />
      </header>
      <main id="main" tabIndex={-1} ref={mainRef}>
        {/* A page's chunk loads inside the layout: the header and the landmarks stay put meanwhile. */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t('footer.text')}</p>
      </footer>
    </>
  );
}
