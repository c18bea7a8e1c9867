import { useState } from 'react';
import { Link } from 'react-router';
import { booking } from '../../api/endpoints.ts';
import type { RefundPolicy, RefundQuote, Reservation, Ticket } from '../../api/types.ts';
import { ErrorBox, Notice } from '../../components/States.tsx';
import { seatLabel } from '../../components/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useDates } from '../../lib/dates.ts';
import { TicketCard } from './TicketCard.tsx';
import { RefundAccountForm, refundAccountValid, type RefundAccountInput } from './RefundAccountForm.tsx';

/** The last moment cancelling is possible, by the published policy (the quote has the final word). */
function cancelDeadline(r: Reservation, policy: RefundPolicy | undefined): number | null {
  if (!policy) return null;
  return new Date(r.showtime.startsAt).getTime() - policy.cancelDeadlineHoursBefore * 3_600_000;
}

export function ReservationCard({
  r,
  tickets,
  policy,
  onChanged,
  reviewed = false,
}: {
  r: Reservation;
  tickets: Ticket[];
  policy: RefundPolicy | undefined;
  onChanged: () => void;
  /** This booking already has the buyer's review. */
  reviewed?: boolean;
}) {
  const { t, lang, price, dateTime } = useI18n();
  const dates = useDates();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [refund, setRefund] = useState<number | null>(null);
  const [quote, setQuote] = useState<RefundQuote | null>(null);
  const [quoteError, setQuoteError] = useState<unknown>(null);
  const [account, setAccount] = useState<RefundAccountInput>({ bank: 'KOOKMIN', number: '', holder: '' });
  // A bank deposit is refunded by a transfer into an account the buyer names.
  const needsAccount = r.payment.payMethod === 'VIRTUAL_ACCOUNT';
  const deadline = cancelDeadline(r, policy);
  const bankName = (code: string): string => {
    const key = `bank.${code}`;
    const name = t(key as Parameters<typeof t>[0]);
    return name === key ? code : name;
  };
  const cancelled = r.status === 'CANCELLED' || refund !== null;
  const canCancel =
    r.status === 'CONFIRMED' && refund === null && deadline !== null && Date.now() <= deadline;

  const openDialog = async (): Promise<void> => {
    setConfirming(true);
    setQuote(null);
    setQuoteError(null);
    setError(null);
    try {
      setQuote(await booking.refundQuote(r.id));
    } catch (err) {
      setQuoteError(err);
    }
  };

  const cancel = async (): Promise<void> => {
    setError(null);
    try {
      const result = await booking.cancel(
        r.id,
        needsAccount
          ? { bank: account.bank, number: account.number.trim(), holder: account.holder.trim() }
          : undefined,
      );
      setRefund(result.refundAmount);
      setConfirming(false);
      onChanged();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <li className="reservation" data-testid="reservation" data-status={r.status}>
      <div className="reservation-head">
        <h3>{r.showtime.title || t('res.reservation')}</h3>
        <span className={`badge status-${r.status.toLowerCase()}`}>{t(`res.${r.status}`)}</span>
      </div>
      <dl className="res-facts">
        <div>
          <dt>{t('res.bookingNumber')}</dt>
          <dd>
            <strong data-testid="booking-number">{r.bookingNumber}</strong>
          </dd>
        </div>
        {r.showtime.startsAt && (
          <div>
            <dt>{t('res.when')}</dt>
            <dd>{dateTime(r.showtime.startsAt)}</dd>
          </div>
        )}
        {r.showtime.venue && (
          <div>
            <dt>{t('res.venue')}</dt>
            <dd>{r.showtime.venue.name}</dd>
          </div>
        )}
        <div>
          <dt>{t('res.seats')}</dt>
          <dd>{r.seats.map((s) => seatLabel(s, lang)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('checkout.total')}</dt>
          <dd>
            {price(r.total)}
            {r.discount > 0 && (
              <span className="muted">
                {' '}
                ({t('checkout.discount')} −{price(r.discount)})
              </span>
            )}
          </dd>
        </div>
      </dl>
      {r.status === 'PENDING_PAYMENT' && r.payment.virtualAccount && (
        // A bank deposit still awaited: the account is here too, not only on the page after checkout.
        <div className="notice info" data-testid="va-waiting">
          <strong>{t('va.waiting')}</strong>
          <p>
            {bankName(r.payment.virtualAccount.bank)} {r.payment.virtualAccount.accountNumber} ·{' '}
            {price(r.total)}
          </p>
          <p className="small">
            {t('va.dueBy', { when: dates.dayTime(r.payment.virtualAccount.dueAt, true) })}
          </p>
        </div>
      )}
      {r.status === 'CANCELLED' && refund === null && r.refundAmount != null && (
        <p className="muted">{t('res.refunded', { amount: price(r.refundAmount) })}</p>
      )}
      {refund !== null && <Notice kind="success">{t('res.refunded', { amount: price(refund) })}</Notice>}
      {r.status === 'CONFIRMED' && tickets.length === 0 && <p className="muted">{t('return.ticketsSoon')}</p>}
      {/* A cancelled booking's codes admit no one: they go the moment it is cancelled, before any reload. */}
      {cancelled && tickets.length > 0 ? (
        <p className="notice warn" data-testid="tickets-cancelled">
          {t('res.ticketsCancelled')}
        </p>
      ) : (
        tickets.length > 0 && (
          <ul className="ticket-cards" aria-label={t('tickets.list', { count: tickets.length })}>
            {tickets.map((ticket) => (
              <TicketCard key={ticket.id} ticket={ticket} reservation={r} />
            ))}
          </ul>
        )
      )}
      <Link
        to={`/me/inquiries/new?reservation=${r.id}`}
        className="btn secondary small"
        data-testid="reservation-inquire"
      >
        {t('res.inquire')}
      </Link>
      {/* A paid booking whose show has started can be reviewed, once. */}
      {r.status === 'CONFIRMED' &&
        refund === null &&
        Date.parse(r.showtime.startsAt) <= Date.now() &&
        (reviewed ? (
          <span className="badge" data-testid="reviewed">
            {t('review.written')}
          </span>
        ) : (
          <Link className="btn" to={`/me/reservations/${r.id}/review`} data-testid="write-review">
            {t('review.write')}
          </Link>
        ))}
      {canCancel && !confirming && (
        <button type="button" className="btn secondary" onClick={() => void openDialog()}>
          {t('res.cancel')}
        </button>
      )}
      {r.status === 'CONFIRMED' && refund === null && !canCancel && deadline !== null && (
        <p className="muted" data-testid="cancel-closed">
          {t('res.cancelClosed', { deadline: dateTime(new Date(deadline).toISOString()) })}
        </p>
      )}
      {confirming && (
        <div className="confirm" role="alertdialog" aria-labelledby={`c-${r.id}`}>
          <p id={`c-${r.id}`}>{t('res.refundPolicy', { paid: price(r.total) })}</p>
          <ErrorBox error={quoteError} />
          {!quote && !quoteError && <p className="muted">{t('res.quoteLoading')}</p>}
          {quote && quote.cancellable && (
            <>
              <dl className="refund-quote" data-testid="refund-quote">
                <div>
                  <dt>{t('res.quoteRefund')}</dt>
                  <dd data-testid="refund-amount">{price(quote.refundAmount)}</dd>
                </div>
                <div>
                  <dt>{t('res.quoteFee')}</dt>
                  <dd data-testid="refund-fee">{price(quote.fee)}</dd>
                </div>
              </dl>
              {quote.percent !== null && (
                <p className="muted">{t('res.quotePercent', { percent: String(quote.percent) })}</p>
              )}
              {quote.deadline && (
                <p className="muted">{t('res.quoteDeadline', { deadline: dateTime(quote.deadline) })}</p>
              )}
              {needsAccount && quote.refundAmount > 0 && (
                <RefundAccountForm value={account} onChange={setAccount} />
              )}
            </>
          )}
          {quote && !quote.cancellable && (
            <p>{t('res.cancelClosed', { deadline: quote.deadline ? dateTime(quote.deadline) : '' })}</p>
          )}
          <ErrorBox error={error} />
          <div className="row">
            {quote?.cancellable && (
              <button
                type="button"
                className="btn danger"
                disabled={needsAccount && quote.refundAmount > 0 && !refundAccountValid(account)}
                onClick={() => void cancel()}
              >
                {t('res.confirmCancel')}
              </button>
            )}
            <button type="button" className="btn secondary" onClick={() => setConfirming(false)}>
              {t('action.back')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
