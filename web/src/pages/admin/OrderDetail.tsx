import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { admin } from '../../api/endpoints.ts';
import type { OrderDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useAsync, useTitle } from '../../lib/hooks.ts';
import { ErrorBox, Loading, Notice } from '../../components/States.tsx';
import { knownPayment, paymentKey, statusKey } from './orderLabels.ts';

const TICKET_STATES = new Set(['ISSUED', 'USED', 'REVOKED']);

/** One order: buyer, seats, tickets, the payment timeline, refunds, and the admin cancel form. */
export default function AdminOrder() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const order = useAsync(() => admin.order(id), [id]);
  useTitle(order.data ? t('orders.detailTitle', { number: order.data.bookingNumber }) : t('admin.orders'));
  return (
    <div className="stack">
      <Link to="/admin/orders">← {t('orders.back')}</Link>
      <ErrorBox error={order.error} onRetry={order.reload} />
      {order.loading && !order.data && <Loading />}
      {order.data && <OrderView order={order.data} onChanged={order.reload} />}
    </div>
  );
}

function OrderView({ order, onChanged }: { order: OrderDetail; onChanged: () => void }) {
  const { t, price, dateTime } = useI18n();
  return (
    <>
      <h1>{t('orders.detailTitle', { number: order.bookingNumber })}</h1>
      <dl className="stats">
        <div>
          <dt>{t('orders.status')}</dt>
          <dd>
            {t(statusKey(order.status))}
            {knownPayment(order.paymentStatus) ? ` · ${t(paymentKey(order.paymentStatus))}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('orders.total')}</dt>
          <dd>{price(order.total)}</dd>
        </div>
        <div>
          <dt>{t('orders.refunded')}</dt>
          <dd>{price(order.refunded)}</dd>
        </div>
        <div>
          <dt>{t('orders.show')}</dt>
          <dd>
            {order.showtime.title ?? '—'}
            {order.showtime.startsAt ? ` · ${dateTime(order.showtime.startsAt)}` : ''}
          </dd>
        </div>
      </dl>

      <section className="stack" aria-labelledby="buyer-h">
        <h2 id="buyer-h">{t('orders.buyer')}</h2>
        <p>
          {order.buyer
            ? `${order.buyer.nickname} · ${order.buyer.email}${order.buyer.phone ? ` · ${order.buyer.phone}` : ''}`
            : t('orders.withdrawn')}
        </p>
        {order.booker && (
          <p>
            {t('orders.booker')}: {order.booker.name ?? '—'} · {order.booker.phone ?? '—'}
          </p>
        )}
        <p className="muted">
          {t('orders.amount')} {price(order.amount)} · {t('orders.discount')} {price(order.discount)} ·{' '}
          {t('orders.orderedAt')} {dateTime(order.createdAt)}
        </p>
      </section>

      <section className="stack" aria-labelledby="seats-h">
        <h2 id="seats-h">{t('orders.seats')}</h2>
        <ul>
          {order.seats.map((s) => (
            <li key={s.id}>
              {t('orders.seat', { section: s.section, row: s.row, number: s.number })} · {s.grade}
              {s.ticketType ? ` · ${s.ticketType}` : ''} · {price(s.price)}
            </li>
          ))}
        </ul>
      </section>

      <section className="stack" aria-labelledby="tickets-h">
        <h2 id="tickets-h">{t('orders.tickets')}</h2>
        {order.tickets.length === 0 ? (
          <p className="muted">{t('orders.noTickets')}</p>
        ) : (
          <ul>
            {order.tickets.map((tk) => (
              <li key={tk.id}>
                {t('orders.seat', { section: tk.seat.section, row: tk.seat.row, number: tk.seat.number })} ·{' '}
                {TICKET_STATES.has(tk.status) ? t(`orders.ticket.${tk.status as 'ISSUED'}`) : tk.status}
              </li>
            ))}
          </ul>
        )}
      </section>

      <CancelForm order={order} onChanged={onChanged} />

      <section className="stack" aria-labelledby="refunds-h">
        <h2 id="refunds-h">{t('orders.refunds')}</h2>
        {order.refunds.length === 0 ? (
          <p className="muted">{t('orders.noRefunds')}</p>
        ) : (
          <ul>
            {order.refunds.map((r) => (
              <li key={r.id}>
                {price(r.amount)} · {t(`orders.refundBy.${r.kind}`)} · {r.reason} · {dateTime(r.createdAt)}
                {r.status === 'PENDING' ? ` · ${t('orders.refundPending')}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="stack" aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t('orders.timeline')}</h2>
        <ol className="timeline">
          {order.timeline.map((e, i) => (
            <li key={i}>
              <time dateTime={e.at}>{dateTime(e.at)}</time> · <TimelineText event={e} />
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function TimelineText({ event }: { event: OrderDetail['timeline'][number] }) {
  const { t, price } = useI18n();
  if (event.kind === 'WEBHOOK') return <>{t('orders.ev.webhook')}</>;
  if (event.kind === 'REFUND') {
    const amount = price(Number(event.detail?.amount ?? 0));
    return (
      <>
        {t(event.detail?.status === 'DONE' ? 'orders.ev.refundDone' : 'orders.ev.refundRequested', {
          amount,
        })}
      </>
    );
  }
  const parts = [
    event.status ? t(statusKey(event.status)) : null,
    knownPayment(event.paymentStatus) ? t(paymentKey(event.paymentStatus)) : null,
    event.step,
  ].filter(Boolean);
  return <>{parts.join(' · ')}</>;
}

function CancelForm({ order, onChanged }: { order: OrderDetail; onChanged: () => void }) {
  const { t, price } = useI18n();
  const [reason, setReason] = useState('');
  const [mode, setMode] = useState<'full' | 'partial'>('full');
  const [amount, setAmount] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  if (order.cancelInProgress) return <Notice>{t('orders.inProgress')}</Notice>;
  const closing = order.status === 'CONFIRMED';
  if (order.refundable <= 0 || (!closing && order.status !== 'CANCELLED')) {
    return done ? <Notice>{done}</Notice> : <p className="muted">{t('orders.notRefundable')}</p>;
  }
  const chosen = mode === 'full' ? order.refundable : Number(amount) || 0;

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await admin.cancelOrder(order.id, {
        reason: reason.trim(),
        ...(mode === 'partial' ? { refundAmount: chosen } : {}),
      });
      setDone(t('orders.done', { amount: price(result.refunded - order.refunded) }));
      setReason('');
      setAmount('');
      setMode('full');
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="stack card-form" aria-labelledby="cancel-h">
      <h2 id="cancel-h">{closing ? t('orders.cancelTitle') : t('orders.refundMoreTitle')}</h2>
      {closing && <p className="muted">{t('orders.cancelHint')}</p>}
      <p>{t('orders.refundable', { amount: price(order.refundable) })}</p>
      {done && <Notice>{done}</Notice>}
      <label>
        {t('orders.reason')}
        <input
          name="reason"
          required
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <fieldset className="stack">
        <legend>{t('orders.refundAmount')}</legend>
        <label className="inline">
          <input type="radio" name="mode" checked={mode === 'full'} onChange={() => setMode('full')} />
          {t('orders.full', { amount: price(order.refundable) })}
        </label>
        <label className="inline">
          <input type="radio" name="mode" checked={mode === 'partial'} onChange={() => setMode('partial')} />
          {t('orders.partial')}
        </label>
        {mode === 'partial' && (
          <label>
            {t('orders.refundAmount')}
            <input
              name="refundAmount"
              type="number"
              inputMode="numeric"
              min={1}
              max={order.refundable}
              step={1}
              required
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          </label>
        )}
      </fieldset>
      <ErrorBox error={error} inline />
      <button className="btn primary" type="submit" disabled={busy || chosen <= 0}>
        {closing
          ? t('orders.cancelSubmit', { amount: price(chosen) })
          : t('orders.refundSubmit', { amount: price(chosen) })}
      </button>
    </form>
  );
}
