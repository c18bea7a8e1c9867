import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { auth, booking, catalog } from '../api/endpoints.ts';
import { errorCode } from '../api/messages.ts';
import type { CouponQuote } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync, useNow, useTitle } from '../lib/hooks.ts';
import { getAdmission, getPendingHold, setPendingHold, setPendingPayment } from '../lib/storage.ts';
import { Empty, ErrorBox, Loading, Notice } from '../components/States.tsx';
import { remaining } from '../components/format.ts';
import { RefundPolicyView } from './detail/InfoTab.tsx';
import { TicketTypes } from './checkout/TicketTypes.tsx';
import { BookerForm, bookerValid, type BookerInput } from './checkout/BookerForm.tsx';
import { formatMobile, nonAdult, orderLines, type OrderSeat } from './checkout/order.ts';
import { PayMethodPicker, payFields, type PayChoice } from './checkout/PayMethod.tsx';
import { requestPayment } from '../lib/portone.ts';

/** Answers of the quote route that mean the hold can no longer be paid for. */
const HOLD_GONE = new Set(['HOLD_EXPIRED', 'HOLD_NOT_FOUND']);

/**
 * Who booked, filled from the account: the name and number of the latest booking, else the
 * nickname and the profile's phone. Failures leave the fields empty for the buyer to fill.
 */
async function bookerPrefill(): Promise<BookerInput> {
  const [me, mine] = await Promise.all([
    auth.me().catch(() => null),
    booking.reservations().catch(() => null),
  ]);
  const last = mine?.items.find((r) => r.booker)?.booker;
  return {
    name: last?.name ?? me?.nickname ?? '',
    phone: formatMobile(last?.phone ?? me?.phone ?? ''),
  };
}

/**
 * Pay for the held seats: a ticket type per seat (priced by the performance's published table, as
 * the server prices the reservation), who booked, a coupon, and consent to the refund policy. The
 * discount and total of each coupon come from the server (GET /holds/{id}/coupon-quotes with the
 * chosen types), computed by the same rule the reservation applies; the page never works out a
 * discount itself.
 */
export default function Checkout() {
  const { t, price } = useI18n();
  const navigate = useNavigate();
  const now = useNow(1000);
  const [pending] = useState(getPendingHold);
  const [couponId, setCouponId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [paying, setPaying] = useState(false);
  const [types, setTypes] = useState<Record<string, string>>(() => pending?.reserved?.ticketTypes ?? {});
  const [booker, setBooker] = useState<BookerInput>(
    () => pending?.reserved?.booker ?? { name: '', phone: '' },
  );
  const [agreed, setAgreed] = useState(false);
  const [payChoice, setPayChoice] = useState<PayChoice>(() => pending?.reserved?.payChoice ?? 'CARD');
  const [tried, setTried] = useState(false);
  const performanceId = pending?.performanceId ?? '';
  const perf = useAsync(() => catalog.performance(performanceId), [performanceId]);
  const showtimes = useAsync(() => catalog.showtimes(performanceId), [performanceId]);
  const policy = useAsync(() => catalog.refundPolicy(), []);
  const prefill = useAsync(() => bookerPrefill(), []);
  useEffect(() => {
    if (prefill.data && !pending?.reserved) setBooker((b) => (b.name || b.phone ? b : prefill.data!));
  }, [prefill.data, pending?.reserved]);
  // Once a reservation was made from the hold, its coupon is settled: nothing to quote.
  const quoteFor = pending && !pending.reserved ? pending.hold.id : undefined;
  const typeQuery = Object.entries(nonAdult(types))
    .map(([seat, code]) => `${seat}:${code}`)
    .sort()
    .join(',');
  const quotes = useAsync(
    async () => (quoteFor ? booking.couponQuotes(quoteFor, typeQuery || undefined) : []),
    [quoteFor, typeQuery],
  );
  const offers = perf.data?.ticketTypes ?? [];
  const seats: OrderSeat[] = useMemo(
    () =>
      pending?.seats ?? pending?.seatLabels.map((label, i) => ({ id: String(i), label, grade: '' })) ?? [],
    [pending],
  );
  const lines = orderLines(seats, offers, types);
  useTitle(t('checkout.title'));

  if (!pending) {
    return (
      <Empty>
        {t('checkout.nothing')} <Link to="/search">{t('nav.search')}</Link>
      </Empty>
    );
  }
  const { hold, reserved } = pending;
  const left = remaining(hold.expiresAt, now);
  const list = quotes.data ?? [];
  const chosen = list.find((q) => q.userCouponId === couponId && q.applicable);
  // The published table prices the types; if a grade is missing there, the hold's own amount stands.
  const typedAmount = lines.every((l) => l.price !== undefined)
    ? lines.reduce((sum, l) => sum + l.price!, 0)
    : hold.amount;
  const discount = reserved?.discount ?? chosen?.discount ?? 0;
  const total = reserved?.total ?? chosen?.total ?? typedAmount - discount;
  const showtime = showtimes.data?.find((s) => s.id === hold.showtimeId);
  const ready = bookerValid(booker) && agreed;
  const userCouponId = reserved ? reserved.userCouponId : chosen?.userCouponId;
  const why = (q: CouponQuote): string =>
    q.reason === 'MIN_ORDER_NOT_MET'
      ? t('checkout.reason.MIN_ORDER_NOT_MET', { amount: price(q.minOrderAmount) })
      : t('checkout.reason.RESERVED');

  const pay = async (): Promise<void> => {
    setTried(true);
    if (!ready) return;
    setPaying(true);
    setError(null);
    const ticketTypes = nonAdult(types);
    const sentBooker = { name: booker.name.trim(), phone: booker.phone.trim() };
    try {
      const reservation = await booking.reserve(
        {
          holdId: hold.id,
          ...(userCouponId ? { userCouponId } : {}),
          ...(Object.keys(ticketTypes).length > 0 ? { ticketTypes } : {}),
          booker: sentBooker,
          ...payFields(payChoice),
        },
        pending.idempotencyKey,
        getAdmission(hold.showtimeId)?.token,
      );
      setPendingHold({
        ...pending,
        reserved: {
          userCouponId,
          couponName: reserved?.couponName ?? chosen?.couponName,
          discount: reservation.discount,
          total: reservation.total,
          ticketTypes,
          booker: sentBooker,
          payChoice,
        },
      });
      const { payment } = reservation;
      setPendingPayment({
        paymentId: payment.id,
        reservationId: reservation.id,
        checkoutUrl: payment.checkoutUrl,
      });
      const back = `/checkout/complete?reservationId=${reservation.id}&paymentId=${payment.id}`;
      // A virtual account is issued at once: the return page shows where to deposit.
      if (!payment.request) {
        navigate(back);
        return;
      }
      // PortOne's window (or the sandbox's page) takes the payment, then sends the buyer back.
      const response = await requestPayment(payment.request, payment.checkoutUrl);
      if (response) navigate(back);
    } catch (err) {
      setError(err);
      setPaying(false);
      // A coupon taken meanwhile (another tab's order): show the server's view again.
      if (errorCode(err) === 'COUPON_NOT_APPLICABLE') {
        setCouponId('');
        quotes.reload();
      }
    }
  };

  const cancel = async (): Promise<void> => {
    await booking.releaseHold(hold.id).catch(() => undefined);
    setPendingHold(null);
    navigate(`/performances/${pending.performanceId}`);
  };

  if (left.ms === 0 || HOLD_GONE.has(errorCode(quotes.error) ?? '')) {
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
        {offers.length <= 1 || !pending.seats ? (
          <ul>
            {pending.seatLabels.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        ) : (
          <TicketTypes
            lines={lines}
            offers={offers}
            disabled={paying || !!reserved}
            onChange={(seatId, code) => {
              setTypes((prev) => ({ ...prev, [seatId]: code }));
              // The chosen coupon may no longer apply to the new amount: the quotes will say.
              setCouponId('');
            }}
          />
        )}
      </section>
      <BookerForm value={booker} onChange={setBooker} disabled={paying || !!reserved} />
      <fieldset className="coupon-pick" disabled={paying}>
        <legend>{t('checkout.coupon')}</legend>
        {reserved ? (
          <p data-testid="coupon-settled">
            {reserved.couponName ?? t('checkout.noCoupon')}
            <br />
            <span className="muted small">{t('checkout.couponSettled')}</span>
          </p>
        ) : quotes.loading && !quotes.data ? (
          <Loading label={t('checkout.quoting')} />
        ) : (
          <>
            <label className="coupon-option">
              <input type="radio" name="coupon" value="" checked={!chosen} onChange={() => setCouponId('')} />
              <span className="coupon-name">{t('checkout.noCoupon')}</span>
            </label>
            {list.map((q) => (
              <label
                key={q.userCouponId}
                className="coupon-option"
                data-testid="coupon-quote"
                data-applicable={q.applicable}
              >
                <input
                  type="radio"
                  name="coupon"
                  value={q.userCouponId}
                  disabled={!q.applicable}
                  checked={chosen?.userCouponId === q.userCouponId}
                  onChange={() => setCouponId(q.userCouponId)}
                />
                <span className="coupon-name">{q.couponName}</span>
                {q.applicable ? (
                  <span className="coupon-amount">−{price(q.discount)}</span>
                ) : (
                  <span className="coupon-reason" data-reason={q.reason}>
                    {why(q)}
                  </span>
                )}
              </label>
            ))}
            {list.length === 0 && !quotes.error && <p className="muted small">{t('checkout.noCoupons')}</p>}
          </>
        )}
        <ErrorBox error={quotes.error} onRetry={quotes.reload} />
      </fieldset>
      <PayMethodPicker value={payChoice} onChange={setPayChoice} disabled={paying || !!reserved} />
      <table className="breakdown">
        <tbody>
          <tr>
            <th scope="row">{t('checkout.amount')}</th>
            <td data-testid="checkout-amount">{price(typedAmount)}</td>
          </tr>
          <tr>
            <th scope="row">{t('checkout.discount')}</th>
            <td data-testid="checkout-discount">−{price(discount)}</td>
          </tr>
          <tr className="total">
            <th scope="row">{t('checkout.total')}</th>
            <td data-testid="checkout-total">{price(total)}</td>
          </tr>
        </tbody>
      </table>
      <RefundPolicyView policy={policy.data ?? undefined} selected={showtime} />
      <label className="check consent">
        <input
          type="checkbox"
          name="refundConsent"
          checked={agreed}
          onChange={(e) => setAgreed(e.target.checked)}
          aria-invalid={tried && !agreed}
        />
        <span>{t('checkout.refundConsent')}</span>
      </label>
      {tried && !ready && (
        <p className="field-error" role="alert" data-testid="checkout-missing">
          {!bookerValid(booker) ? t('checkout.bookerMissing') : t('checkout.consentMissing')}
        </p>
      )}
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
