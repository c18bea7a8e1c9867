import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { booking, coupons } from '../api/endpoints.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync, useNow, useTitle } from '../lib/hooks.ts';
import { getAdmission, getPendingHold, setPendingHold, setPendingPayment } from '../lib/storage.ts';
import { Empty, ErrorBox, Notice } from '../components/States.tsx';
import { remaining } from '../components/format.ts';
import { estimateDiscount } from '../lib/discount.ts';

export default function Checkout() {
  const { t, price } = useI18n();
  const navigate = useNavigate();
  const now = useNow(1000);
  const [pending] = useState(getPendingHold);
  const [couponId, setCouponId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [paying, setPaying] = useState(false);
  const mine = useAsync(() => coupons.mine(), []);
  useTitle(t('checkout.title'));

  if (!pending) {
    return (
      <Empty>
        {t('checkout.nothing')} <Link to="/search">{t('nav.search')}</Link>
      </Empty>
    );
  }
  const { hold } = pending;
  const left = remaining(hold.expiresAt, now);
  const usable = (mine.data ?? []).filter((c) => c.status === 'AVAILABLE' && !c.reserved);
  const chosen = usable.find((c) => c.id === couponId);
  const discount = chosen ? estimateDiscount(chosen.coupon, hold.amount) : 0;

  const pay = async (): Promise<void> => {
    setPaying(true);
    setError(null);
    try {
      const reservation = await booking.reserve(
        { holdId: hold.id, ...(couponId ? { userCouponId: couponId } : {}) },
        pending.idempotencyKey,
        getAdmission(hold.showtimeId)?.token,
      );
      setPendingPayment({ paymentId: reservation.payment.id, reservationId: reservation.id });
      // The sandbox (or the real provider) shows its own page, then sends the buyer to /checkout/return.
      window.location.assign(reservation.payment.checkoutUrl);
    } catch (err) {
      setError(err);
      setPaying(false);
    }
  };

  const cancel = async (): Promise<void> => {
    await booking.releaseHold(hold.id).catch(() => undefined);
    setPendingHold(null);
    navigate(`/performances/${pending.performanceId}`);
  };

  if (left.ms === 0) {
    return (
      <div className="stack">
        <Notice kind="warn">
          <span data-testid="hold-expired">{t('checkout.expired')}</span>
        </Notice>
        <Link
          className="btn"
          to={`/performances/${pending.performanceId}`}
          onClick={() => setPendingHold(null)}
        >
          {t('checkout.chooseAgain')}
        </Link>
      </div>
    );
  }

  return (
    <div className="stack">
      <h1>{t('checkout.title')}</h1>
      <Notice kind={left.ms < 60_000 ? 'warn' : 'info'}>
        <span role="timer" data-testid="hold-countdown">
          {t('checkout.holdLeft', { time: left.text })}
        </span>
      </Notice>
      <section aria-labelledby="order-h">
        <h2 id="order-h">{pending.performanceTitle}</h2>
        <ul>
          {pending.seatLabels.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </section>
      <label>
        {t('checkout.coupon')}
        <select value={couponId} onChange={(e) => setCouponId(e.target.value)} disabled={mine.loading}>
          <option value="">{t('checkout.noCoupon')}</option>
          {usable.map((c) => (
            <option key={c.id} value={c.id} disabled={estimateDiscount(c.coupon, hold.amount) === 0}>
              {c.coupon.name}
              {c.coupon.minOrderAmount && hold.amount < c.coupon.minOrderAmount
                ? ` (${t('checkout.minOrder', { amount: price(c.coupon.minOrderAmount) })})`
                : ''}
            </option>
          ))}
        </select>
      </label>
      <table className="breakdown">
        <tbody>
          <tr>
            <th scope="row">{t('checkout.amount')}</th>
            <td>{price(hold.amount)}</td>
          </tr>
          <tr>
            <th scope="row">{t('checkout.discount')}</th>
            <td>−{price(discount)}</td>
          </tr>
          <tr className="total">
            <th scope="row">{t('checkout.total')}</th>
            <td data-testid="checkout-total">{price(hold.amount - discount)}</td>
          </tr>
        </tbody>
      </table>
      <ErrorBox error={error} />
      <div className="row">
        <button type="button" className="btn primary" disabled={paying} onClick={() => void pay()}>
          {paying ? t('state.working') : t('checkout.pay')}
        </button>
        <button type="button" className="btn secondary" onClick={() => void cancel()}>
          {t('checkout.cancelHold')}
        </button>
      </div>
    </div>
  );
}
