import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { admin } from '../../api/endpoints.ts';
import type { OrderStatus, OrdersQuery } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useAsync, useTitle } from '../../lib/hooks.ts';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { knownPayment, paymentKey, statusKey } from './orderLabels.ts';
import { Pager } from '../../components/Pager.tsx';

const STATUSES: OrderStatus[] = ['PENDING_PAYMENT', 'CONFIRMED', 'FAILED', 'EXPIRED', 'CANCELLED'];
const SIZE = 20;

/** A date input (YYYY-MM-DD, Korean day) as the instant it starts, or the next day's start for `to`. */
function dayStart(day: string, next = false): string | undefined {
  if (!day) return undefined;
  const start = new Date(`${day}T00:00:00+09:00`);
  return new Date(start.getTime() + (next ? 86_400_000 : 0)).toISOString();
}

/** 주문: the orders desk's search, with the CSV export of the same search. */
export default function AdminOrders() {
  const { t, price, dateTime, number } = useI18n();
  useTitle(t('admin.orders'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = (params.get('status') ?? '') as OrderStatus | '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [draft, setDraft] = useState({ q, status, from, to });
  const [csvError, setCsvError] = useState<unknown>(null);

  const query: OrdersQuery = {
    ...(q ? { q } : {}),
    ...(status ? { status } : {}),
    ...(from ? { from: dayStart(from) } : {}),
    ...(to ? { to: dayStart(to, true) } : {}),
  };
  const list = useAsync(() => admin.orders({ ...query, page, size: SIZE }), [q, status, from, to, page]);

  const search = (e: FormEvent): void => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(draft)) if (v) next.set(k, v.trim());
    setParams(next);
  };
  const goTo = (p: number): void => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    setParams(next);
  };
  const downloadCsv = async (): Promise<void> => {
    setCsvError(null);
    try {
      const text = await admin.ordersCsv(query);
      const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `orders-${new Date().toISOString().slice(0, 10)}.csv`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (err) {
      setCsvError(err);
    }
  };
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / SIZE)) : 1;

  return (
    <div className="stack">
      <h1>{t('admin.orders')}</h1>
      <form role="search" onSubmit={search} className="stack card-form" aria-label={t('orders.search')}>
        <label>
          {t('orders.searchLabel')}
          <input
            name="q"
            type="search"
            value={draft.q}
            maxLength={100}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
        </label>
        <div className="row">
          <label>
            {t('orders.status')}
            <select
              value={draft.status}
              onChange={(e) => setDraft({ ...draft, status: e.target.value as OrderStatus | '' })}
            >
              <option value="">{t('orders.anyStatus')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(statusKey(s))}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('orders.from')}
            <input
              type="date"
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            />
          </label>
          <label>
            {t('orders.to')}
            <input
              type="date"
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            />
          </label>
        </div>
        <div className="row actions">
          <button className="btn primary" type="submit">
            {t('orders.search')}
          </button>
          <button className="btn secondary" type="button" onClick={() => void downloadCsv()}>
            {t('orders.csv')}
          </button>
        </div>
        {csvError ? <p role="alert">{t('orders.csvFailed')}</p> : null}
      </form>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && <Empty>{t('orders.none')}</Empty>}
      {list.data && list.data.items.length > 0 && (
        <>
          <p className="muted" aria-live="polite">
            {t('orders.count', { n: number(list.data.total) })}
          </p>
          <table className="admin-table stacked">
            <thead>
              <tr>
                <th scope="col">{t('orders.bookingNumber')}</th>
                <th scope="col">{t('orders.buyer')}</th>
                <th scope="col">{t('orders.show')}</th>
                <th scope="col">{t('orders.status')}</th>
                <th scope="col">{t('orders.total')}</th>
                <th scope="col">{t('orders.orderedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/admin/orders/${o.id}`}>{o.bookingNumber}</Link>
                  </td>
                  <td>
                    {o.buyer ? `${o.buyer.nickname} · ${o.buyer.email}` : t('orders.withdrawn')}
                    {o.booker?.phone ? ` · ${o.booker.phone}` : ''}
                  </td>
                  <td>{o.showtime.title ?? '—'}</td>
                  <td>
                    {t(statusKey(o.status))}
                    {knownPayment(o.paymentStatus) && o.refunded > 0
                      ? ` · ${t(paymentKey(o.paymentStatus))}`
                      : ''}
                  </td>
                  <td>
                    {price(o.total)}
                    {o.refunded > 0 ? ` (−${price(o.refunded)})` : ''}
                  </td>
                  <td>{dateTime(o.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} pages={pages} onPage={goTo} always />
        </>
      )}
    </div>
  );
}
