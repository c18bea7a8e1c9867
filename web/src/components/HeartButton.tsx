import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../lib/session.tsx';
import { useWishlist } from '../lib/wishlist.tsx';
import { errorCode, errorMessage } from '../api/messages.ts';

/**
 * The 찜 heart. Signed out, it goes to the login page and back here (`next`); signed in, it flips at
 * once and flips back with a short message when the server refuses.
 */
export function HeartButton({ performanceId, className }: { performanceId: string; className?: string }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const { has, toggle } = useWishlist();
  const navigate = useNavigate();
  const location = useLocation();
  const [failure, setFailure] = useState<string>();
  const on = user !== null && has(performanceId);

  const press = () => {
    if (!user) {
      const here = `${location.pathname}${location.search}`;
      void navigate(`/login?next=${encodeURIComponent(here)}`);
      return;
    }
    setFailure(undefined);
    toggle(performanceId).catch((err: unknown) =>
      setFailure(errorCode(err) ? errorMessage(err, lang) : t('wish.failed')),
    );
  };

  return (
    <span className={`heart-wrap ${className ?? ''}`}>
      <button
        type="button"
        className={`heart${on ? ' on' : ''}`}
        aria-pressed={on}
        aria-label={on ? t('wish.remove') : t('wish.add')}
        data-testid="wish-heart"
        onClick={press}
      >
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
          <path d="M12 21s-7.5-4.6-9.6-9.3C.9 8.4 3 4.5 6.8 4.5c2.1 0 3.6 1.2 4.2 2.4.6-1.2 2.1-2.4 4.2-2.4 3.8 0 5.9 3.9 4.4 7.2C19.5 16.4 12 21 12 21z" />
        </svg>
      </button>
      {failure && (
        <span className="heart-failure" role="alert">
          {failure}
        </span>
      )}
    </span>
  );
}
