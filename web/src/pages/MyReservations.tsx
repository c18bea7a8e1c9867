import { useEffect, useState } from 'react';
import { booking, catalog, tickets as ticketApi } from '../api/endpoints.ts';
import type { RefundPolicy, RefundQuote, Reservation, Ticket } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync, useInterval, useTitle } from '../lib/hooks.ts';
import { Empty, ErrorBox, Loading, Notice } from '../components/States.tsx';
import { seatLabel } from '../components/format.ts';

/** The QR image needs the Bearer token, so it is fetched and shown through a blob URL. */
function TicketQr({ ticket }: { ticket: Ticket }) {
  const { t, lang } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let objectUrl: string | null = null;
    ticketApi
      .qrSvg(ticket.id)
      .then((svg) => {
        objectUrl = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
        setUrl(objectUrl);
      })
      .catch(() => setFailed(true));
    return () => {
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [ticket.id]);
  return (
    <figure className="ticket" data-testid="ticket" data-status={ticket.status}>
      {url ? (
        <img
          src={url}
          width={160}
          height={160}
          alt={t('tickets.qrAlt', { seat: seatLabel(ticket.seat, lang) })}
        />
      ) : failed ? (
        <p className="muted">{t('tickets.qrFailed')}</p>
      ) : (
        <Loading />
      )}
      <figcaption>
        <span>{seatLabel(ticket.seat, lang)}</span>
        <span className="badge">{t(`ticket.${ticket.status}`)}</span>
        <code className="small">{ticket.code}</code>
      </figcaption>
    </figure>
  );
}

/** The last moment cancelling is possible, by the published policy (the quote has the final word). */
function cancelDeadline(r: Reservation, policy: RefundPolicy | undefined): number | null {
  if (!policy) return null;
  return new Date(r.showtime.startsAt).getTime() - policy.cancelDeadlineHoursBefore * 3_600_000;
}

function ReservationCard({
  r,
  tickets,
  policy,
  onChanged,
}: {
  r: Reservation;
  tickets: Ticket[];
  policy: RefundPolicy | undefined;
  onChanged: () => void;
}) {
  const { t, lang, price, dateTime } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [refund, setRefund] = useState<number | null>(null);
  const [quote, setQuote] = useState<RefundQuote | null>(null);
  const [quoteError, setQuoteError] = useState<unknown>(null);
  const deadline = cancelDeadline(r, policy);
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
      const result = await booking.cancel(r.id);
      setRefund(result.refundAmount);
      setConfirming(false);
      onChanged();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <li className="reservation" data-testid="reservation" data-status={r.status}>
      <h2>{r.showtime.title || t('res.reservation')}</h2>
      <p className="small">
        {t('res.bookingNumber')} <strong data-testid="booking-number">{r.bookingNumber}</strong>
      </p>
      <p className="muted">
        {dateTime(r.showtime.startsAt)} ·{' '}
        <span className={`badge status-${r.status.toLowerCase()}`}>{t(`res.${r.status}`)}</span>
      </p>
      <p>{r.seats.map((s) => seatLabel(s, lang)).join(', ')}</p>
      <p>
        {t('checkout.total')} {price(r.total)}
        {r.discount > 0 && (
          <span className="muted">
            {' '}
            ({t('checkout.discount')} −{price(r.discount)})
          </span>
        )}
      </p>
      {r.status === 'CANCELLED' && refund === null && r.refundAmount != null && (
        <p className="muted">{t('res.refunded', { amount: price(r.refundAmount) })}</p>
      )}
      {refund !== null && <Notice kind="success">{t('res.refunded', { amount: price(refund) })}</Notice>}
      {r.status === 'CONFIRMED' && tickets.length === 0 && <p className="muted">{t('return.ticketsSoon')}</p>}
      {cancelled && tickets.length > 0 ? (
        <p className="muted" data-testid="tickets-cancelled">
          {t('res.ticketsCancelled')}
        </p>
      ) : (
        <div className="tickets">
          {tickets.map((ticket) => (
            <TicketQr key={ticket.id} ticket={ticket} />
          ))}
        </div>
      )}
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
            </>
          )}
          {quote && !quote.cancellable && (
            <p>{t('res.cancelClosed', { deadline: quote.deadline ? dateTime(quote.deadline) : '' })}</p>
          )}
          <ErrorBox error={error} />
          <div className="row">
            {quote?.cancellable && (
              <button type="button" className="btn danger" onClick={() => void cancel()}>
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

export default function MyReservations() {
  const { t } = useI18n();
  useTitle(t('nav.reservations'));
  const reservations = useAsync(async () => (await booking.reservations()).items, []);
  const tickets = useAsync(() => ticketApi.list(), []);
  const policy = useAsync(() => catalog.refundPolicy(), []);
  const list = reservations.data ?? [];
  // Tickets are issued by the worker shortly after payment: look again until every paid one has them.
  const waiting = list.some(
    (r) => r.status === 'CONFIRMED' && !(tickets.data ?? []).some((tk) => tk.reservationId === r.id),
  );
  useInterval(tickets.reload, waiting ? 2000 : null);

  if (reservations.loading && !reservations.data) return <Loading />;
  return (
    <div className="stack">
      <h1>{t('nav.reservations')}</h1>
      <ErrorBox error={reservations.error} onRetry={reservations.reload} />
      <ErrorBox error={tickets.error} onRetry={tickets.reload} />
      {list.length === 0 && !reservations.error && <Empty>{t('res.none')}</Empty>}
      <ul className="reservations">
        {list.map((r) => (
          <ReservationCard
            key={r.id}
            r={r}
            tickets={(tickets.data ?? []).filter((tk) => tk.reservationId === r.id)}
            policy={policy.data ?? undefined}
            onChanged={() => {
              reservations.reload();
              tickets.reload();
            }}
          />
        ))}
      </ul>
    </div>
  );
}
