import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { account } from '../../api/endpoints.ts';
import { ApiError } from '../../api/client.ts';
import { fieldErrors } from '../../api/fieldErrors.ts';
import { ErrorBox, FieldMessage, Notice } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../lib/session.tsx';

/**
 * 회원 탈퇴: says what is erased and what the law keeps, and asks for the password and a tick. While
 * tickets for shows to come are held the server refuses; the page says so and links to the bookings.
 */
export function Withdrawal() {
  const { t, lang } = useI18n();
  const { logout } = useSession();
  const navigate = useNavigate();
  const [currentPassword, setPassword] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const blocked = error instanceof ApiError && error.code === 'HAS_UPCOMING_TICKETS';
  const errors = fieldErrors(error, lang);

  const withdraw = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      // An account without a password (social sign-in only) sends none; the server then asks for a
      // recent sign-in instead.
      await account.withdraw(currentPassword ? { currentPassword } : {});
      await logout();
      navigate('/', { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const upcoming =
    blocked && typeof error.problem.upcomingTickets === 'number' && error.problem.upcomingTickets > 0
      ? error.problem.upcomingTickets
      : undefined;
  return (
    <section className="profile-section stack withdrawal" aria-labelledby="profile-withdrawal">
      <h2 id="profile-withdrawal">{t('profile.withdrawTitle')}</h2>
      <ul className="small">
        <li>{t('profile.withdrawErased')}</li>
        <li>{t('profile.withdrawKept')}</li>
        <li>{t('profile.withdrawTickets')}</li>
      </ul>
      <form className="stack" onSubmit={withdraw} noValidate>
        <label>
          {t('profile.currentPassword')}
          <input
            type="password"
            name="withdrawPassword"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={errors.currentPassword ? true : undefined}
            aria-describedby={errors.currentPassword ? 'withdraw-password-error' : undefined}
          />
          <FieldMessage id="withdraw-password-error" message={errors.currentPassword} />
        </label>
        <label className="check consent">
          <input
            type="checkbox"
            name="withdrawConfirm"
            checked={confirmed}
            onChange={(e) => setConfirmed(e.target.checked)}
          />
          {t('profile.withdrawConfirm')}
        </label>
        {blocked ? (
          <Notice kind="warn">
            <p>
              {upcoming !== undefined
                ? t('profile.withdrawBlocked', { count: upcoming })
                : t('profile.withdrawTickets')}
            </p>
            <Link to="/me/reservations">{t('profile.seeReservations')}</Link>
          </Notice>
        ) : (
          <ErrorBox error={error} shownFields={['currentPassword']} inline />
        )}
        <div className="actions">
          <button type="submit" className="btn danger" disabled={busy || !confirmed}>
            {t('profile.withdraw')}
          </button>
        </div>
      </form>
    </section>
  );
}
