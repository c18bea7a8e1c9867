import { useState, type FormEvent } from 'react';
import { admin } from '../../api/endpoints.ts';
import type { AdminCoupon } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useAsync } from '../../lib/hooks.ts';
import { ErrorBox, Loading, Notice } from '../../components/States.tsx';
import { localInput } from '../../components/format.ts';

/** The coupons desk for one coupon: edit (stock only grows once issuing started), stop, holders. */
export function CouponActions({ coupon, onChanged }: { coupon: AdminCoupon; onChanged: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<'edit' | 'holders' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const issuing = Date.parse(coupon.issueEndsAt) > Date.now();

  const stop = async (): Promise<void> => {
    setError(null);
    try {
      await admin.stopCoupon(coupon.id);
      setNotice(t('coupons.stopped'));
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="stack">
      <div className="row actions">
        <button
          type="button"
          className="btn secondary small"
          aria-expanded={open === 'holders'}
          onClick={() => setOpen(open === 'holders' ? null : 'holders')}
        >
          {t('coupons.holders')}
        </button>
        <button
          type="button"
          className="btn secondary small"
          aria-expanded={open === 'edit'}
          onClick={() => setOpen(open === 'edit' ? null : 'edit')}
        >
          {t('coupons.edit')}
        </button>
        {issuing && (
          <button type="button" className="btn secondary small" onClick={() => void stop()}>
            {t('coupons.stop')}
          </button>
        )}
      </div>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorBox error={error} inline />
      {open === 'edit' && (
        <EditCoupon
          coupon={coupon}
          onSaved={() => {
            setNotice(t('coupons.saved'));
            setOpen(null);
            onChanged();
          }}
        />
      )}
      {open === 'holders' && <Holders coupon={coupon} />}
    </div>
  );
}

function EditCoupon({ coupon, onSaved }: { coupon: AdminCoupon; onSaved: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    name: coupon.name,
    stock: coupon.stock,
    issueEndsAt: localInput(new Date(coupon.issueEndsAt)),
  });
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    try {
      await admin.editCoupon(coupon.id, {
        ...(form.name.trim() !== coupon.name ? { name: form.name.trim() } : {}),
        ...(form.stock !== coupon.stock ? { stock: form.stock } : {}),
        ...(new Date(form.issueEndsAt).toISOString() !== coupon.issueEndsAt
          ? { issueEndsAt: new Date(form.issueEndsAt).toISOString() }
          : {}),
      });
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form
      className="stack card-form"
      onSubmit={(e) => void submit(e)}
      aria-label={t('coupons.editTitle', { name: coupon.name })}
    >
      <label>
        {t('admin.name')}
        <input
          required
          maxLength={100}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
      </label>
      <label>
        {t('admin.stock')}
        <input
          type="number"
          min={1}
          required
          value={form.stock}
          aria-describedby={`stock-hint-${coupon.id}`}
          onChange={(e) => setForm({ ...form, stock: Number(e.target.value) })}
        />
      </label>
      <p id={`stock-hint-${coupon.id}`} className="muted small">
        {t('coupons.stockHint')}
      </p>
      <label>
        {t('admin.issueEndsAt')}
        <input
          type="datetime-local"
          required
          value={form.issueEndsAt}
          onChange={(e) => setForm({ ...form, issueEndsAt: e.target.value })}
        />
      </label>
      <ErrorBox error={error} inline />
      <button className="btn primary" type="submit">
        {t('coupons.save')}
      </button>
    </form>
  );
}

function Holders({ coupon }: { coupon: AdminCoupon }) {
  const { t, dateTime } = useI18n();
  const holders = useAsync(() => admin.couponHolders(coupon.id), [coupon.id]);
  if (holders.error) return <ErrorBox error={holders.error} onRetry={holders.reload} inline />;
  if (!holders.data) return <Loading />;
  const { coupon: c, items } = holders.data;
  return (
    <section
      className="stack"
      aria-label={t('coupons.holdersOf', { name: c.name, issued: c.issued, used: c.used })}
    >
      <p>{t('coupons.holdersOf', { name: c.name, issued: c.issued, used: c.used })}</p>
      {items.length === 0 ? (
        <p className="muted">{t('coupons.noHolders')}</p>
      ) : (
        <ul>
          {items.map((h) => (
            <li key={h.userCouponId}>
              {h.user.nickname ?? '—'} · {h.user.email ?? t('orders.withdrawn')} ·{' '}
              {t(`coupons.st.${h.status}`)} · {dateTime(h.issuedAt)}
              {h.usedAt ? ` → ${dateTime(h.usedAt)}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
