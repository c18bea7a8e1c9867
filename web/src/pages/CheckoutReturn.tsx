import { useEffect, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { booking } from '../api/endpoints.ts';
import type { PaymentCompletion, Reservation } from '../api/types.ts';
import { seatLabel } from '../components/format.ts';
import { useDates } from '../lib/dates.ts';
import { useI18n } from '../i18n/index.tsx';
import { useTitle } from '../lib/hooks.ts';
import {
  getPendingHold,
  getPendingPayment,
  setAdmission,
  setPendingHold,
  setPendingPayment,
} from '../lib/storage.ts';
import { ErrorBox, Loading, Notice } from '../components/States.tsx';

/**
 * Where the payment page sends the buyer back: `/checkout/complete?reservationId=…&paymentId=…`
 * (or `/checkout/return?paymentId=…`). The server, not the
 * browser, decides the outcome: it asks the gateway (POST /payments/{id}/complete).
 */
/** What was bought: booking number, show, weekday and date, venue, seats with types and the amount paid. */
function BookingSummary({ reservationId }: { reservationId: string }) {
  const { t, lang, price } = useI18n();
  const dates = useDates();
  const [r, setR] = useState<Reservation | null>(null);
  useEffect(() => {
    let gone = false;
    booking
      .reservation(reservationId)
      .then((x) => {
        if (!gone) setR(x);
      })
      .catch(() => undefined);
    return () => {
      gone = true;
    };
  }, [reservationId]);
  if (!r) return null;
  return (
    <dl className="booking-summary" data-testid="booking-summary">
      <div>
        <dt>{t('res.bookingNumber')}</dt>
        <dd data-testid="booking-number">{r.bookingNumber}</dd>
      </div>
      <div>
        <dt>{t('res.show')}</dt>
        <dd>{r.showtime.title}</dd>
      </div>
      <div>
        <dt>{t('res.when')}</dt>
        <dd>{r.showtime.startsAt ? dates.dayTime(r.showtime.startsAt, true) : ''}</dd>
      </div>
      {r.showtime.venue && (
        <div>
          <dt>{t('checkout.venue')}</dt>
          <dd>{r.showtime.venue.name}</dd>
        </div>
      )}
      <div>
        <dt>{t('res.seats')}</dt>
        <dd>
          <ul className="plain" data-testid="summary-seats">
            {r.seats.map((s) => (
              <li key={s.id}>
                {seatLabel(s, lang)} · {s.ticketType.name} {price(s.price)}
                {s.ticketType.proofRequired && (
                  <span className="muted small"> ({t('ticketType.proofAtDoor')})</span>
                )}
              </li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>{t('res.paid')}</dt>
        <dd>{price(r.total)}</dd>
      </div>
    </dl>
  );
}

/**
 * A virtual account waiting for its deposit: where to deposit, how much and by when; against the sandbox,
 * a link to its page that deposits (PortOne's accounts are paid at a real bank).
 */
function VirtualAccountPanel({
  reservationId,
  onCheck,
  otherwise,
}: {
  reservationId: string;
  onCheck: () => void;
  /** Shown for a payment that is not a virtual account (or while the reservation cannot be read). */
  otherwise: ReactNode;
}) {
  const { t, price } = useI18n();
  const dates = useDates();
  const [r, setR] = useState<Reservation | null | 'failed'>(null);
  useEffect(() => {
    let gone = false;
    booking
      .reservation(reservationId)
      .then((x) => {
        if (!gone) setR(x);
      })
      .catch(() => {
        if (!gone) setR('failed');
      });
    return () => {
      gone = true;
    };
  }, [reservationId]);
  if (r === null) return <Loading label={t('return.confirming')} />;
  const account = r === 'failed' ? undefined : r.payment.virtualAccount;
  if (r === 'failed' || !account) return <>{otherwise}</>;
  const pending = getPendingPayment();
  const sandboxPage =
    pending?.reservationId === reservationId &&
    pending.checkoutUrl &&
    !pending.checkoutUrl.includes('portone.io')
      ? pending.checkoutUrl
      : undefined;
  const bankKey = `bank.${account.bank}`;
  const bank = t(bankKey as Parameters<typeof t>[0]);
  return (
    <section className="stack" aria-labelledby="va-h" data-testid="virtual-account">
      <h1 id="va-h">{t('va.title')}</h1>
      <dl className="booking-summary">
        <div>
          <dt>{t('va.bank')}</dt>
          <dd data-testid="va-bank">{bank === bankKey ? account.bank : bank}</dd>
        </div>
        <div>
          <dt>{t('va.account')}</dt>
          <dd data-testid="va-account">{account.accountNumber}</dd>
        </div>
        <div>
          <dt>{t('va.amount')}</dt>
          <dd>{price(r.total)}</dd>
        </div>
        <div>
          <dt>{t('va.due')}</dt>
          <dd data-testid="va-due">{dates.dayTime(account.dueAt, true)}</dd>
        </div>
      </dl>
      <Notice kind="info">{t('va.detail')}</Notice>
      <div className="row">
        {sandboxPage && (
          <a className="btn primary" href={sandboxPage}>
            {t('va.sandbox')}
          </a>
        )}
        <button type="button" className="btn secondary" onClick={onCheck}>
          {t('va.check')}
        </button>
      </div>
    </section>
  );
}

export default function CheckoutReturn() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const paymentId =
    params.get('paymentId') ??
    params.get('payment_id') ??
    params.get('id') ??
    getPendingPayment()?.paymentId ??
    '';
  const [result, setResult] = useState<PaymentCompletion | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useTitle(t('return.title'));

  useEffect(() => {
    if (!paymentId) return;
    let cancelled = false;
    booking
      .complete(paymentId)
      .then((r) => {
        if (cancelled) return;
        setResult(r);
        // Not paid yet (the buyer left the payment page early): keep everything for another look.
        if (r.status === 'PENDING_PAYMENT') return;
        setPendingPayment(null);
        // The server ends the admission once the purchase is settled; forget it here too.
        const showtimeId = getPendingHold()?.hold.showtimeId;
        if (showtimeId) setAdmission(showtimeId, null);
        if (r.status === 'CONFIRMED') setPendingHold(null);
      })
      .catch((err: unknown) => {
        if (!cancelled) setError(err);
      });
    return () => {
      cancelled = true;
    };
  }, [paymentId, attempt]);

  if (!paymentId) return <ErrorBox error={null} />;
  if (error) {
    return (
      <ErrorBox
        error={error}
        onRetry={() => {
          setError(null);
          setAttempt((a) => a + 1);
        }}
      />
    );
  }
  if (!result) return <Loading label={t('return.confirming')} />;
  if (result.status === 'CONFIRMED') {
    return (
      <section className="stack" aria-labelledby="ok-h">
        <h1 id="ok-h" data-testid="payment-confirmed">
          {t('return.confirmed')}
        </h1>
        <BookingSummary reservationId={result.reservationId} />
        <Notice kind="success">{t('return.next')}</Notice>
        <Link className="btn primary" to="/me/reservations">
          {t('return.seeTickets')}
        </Link>
      </section>
    );
  }
  if (result.status === 'PENDING_PAYMENT') {
    const reservationId = params.get('reservationId') ?? result.reservationId;
    return (
      <VirtualAccountPanel
        reservationId={reservationId}
        onCheck={() => setAttempt((a) => a + 1)}
        otherwise={
          <section className="stack" aria-labelledby="wait-h">
            <h1 id="wait-h" data-testid="payment-pending">
              {t('return.pending')}
            </h1>
            <Notice kind="info">{t('return.pendingDetail')}</Notice>
            <button type="button" className="btn primary" onClick={() => setAttempt((a) => a + 1)}>
              {t('return.checkAgain')}
            </button>
          </section>
        }
      />
    );
  }
  // FAILED or EXPIRED: the seats are released and any coupon is back.
  const performanceId = getPendingHold()?.performanceId;
  return (
    <section className="stack" aria-labelledby="fail-h">
      <h1 id="fail-h" data-testid="payment-failed">
        {t('return.failed')}
      </h1>
      <Notice kind="warn">{t('return.failedDetail')}</Notice>
      <Link className="btn" to={performanceId ? `/performances/${performanceId}` : '/search'}>
        {t('checkout.chooseAgain')}
      </Link>
    </section>
  );
}
