import { useState, type FormEvent } from 'react';
import { admin } from '../../api/endpoints.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useAsync, useTitle } from '../../lib/hooks.ts';
import { Empty, ErrorBox, Notice } from '../../components/States.tsx';
import { localInput } from '../../components/format.ts';
import { CouponActions } from './CouponDesk.tsx';

export default function AdminCoupons() {
  const { t, number, dateTime, price } = useI18n();
  useTitle(t('admin.coupons'));
  const list = useAsync(async () => (await admin.coupons()).items, []);
  const now = Date.now();
  const [form, setForm] = useState({
    name: '',
    discountType: 'FIXED' as 'FIXED' | 'PERCENT',
    discountValue: 5000,
    maxDiscount: 0,
    minOrderAmount: 0,
    stock: 100,
    issueStartsAt: localInput(new Date(now)),
    issueEndsAt: localInput(new Date(now + 7 * 86400_000)),
    validUntil: localInput(new Date(now + 30 * 86400_000)),
  });
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);
  const set = (patch: Partial<typeof form>): void => setForm({ ...form, ...patch });

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    try {
      const result = await admin.createCoupon({
        name: form.name.trim(),
        discountType: form.discountType,
        discountValue: form.discountValue,
        ...(form.maxDiscount > 0 ? { maxDiscount: form.maxDiscount } : {}),
        ...(form.minOrderAmount > 0 ? { minOrderAmount: form.minOrderAmount } : {}),
        stock: form.stock,
        issueStartsAt: new Date(form.issueStartsAt).toISOString(),
        issueEndsAt: new Date(form.issueEndsAt).toISOString(),
        validUntil: new Date(form.validUntil).toISOString(),
      });
      setCreated(result.id);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="stack">
      <h1>{t('admin.coupons')}</h1>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.data?.length === 0 && <Empty>{t('coupons.noneIssuable')}</Empty>}
      {list.data && list.data.length > 0 && (
        <table className="admin-table stacked">
          <thead>
            <tr>
              <th scope="col">{t('admin.name')}</th>
              <th scope="col">{t('admin.discountValue')}</th>
              <th scope="col">{t('admin.issued')}</th>
              <th scope="col">{t('admin.issueEndsAt')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{c.discountType === 'PERCENT' ? `${c.discountValue}%` : price(c.discountValue)}</td>
                <td>
                  {number(c.issued)} / {number(c.stock)}
                </td>
                <td>{dateTime(c.issueEndsAt)}</td>
                <td>
                  <CouponActions coupon={c} onChanged={list.reload} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={(e) => void submit(e)} className="stack card-form" aria-labelledby="nc-h">
        <h2 id="nc-h">{t('admin.newCoupon')}</h2>
        <label>
          {t('admin.name')}
          <input
            name="couponName"
            required
            value={form.name}
            onChange={(e) => set({ name: e.target.value })}
          />
        </label>
        <div className="row">
          <label>
            {t('admin.discountType')}
            <select
              value={form.discountType}
              onChange={(e) => set({ discountType: e.target.value as 'FIXED' | 'PERCENT' })}
            >
              <option value="FIXED">{t('admin.fixed')}</option>
              <option value="PERCENT">{t('admin.percent')}</option>
            </select>
          </label>
          <label>
            {t('admin.discountValue')}
            <input
              type="number"
              min={1}
              required
              value={form.discountValue}
              onChange={(e) => set({ discountValue: Number(e.target.value) })}
            />
          </label>
          <label>
            {t('admin.maxDiscount')}
            <input
              type="number"
              min={0}
              value={form.maxDiscount}
              onChange={(e) => set({ maxDiscount: Number(e.target.value) })}
            />
          </label>
          <label>
            {t('admin.minOrder')}
            <input
              type="number"
              min={0}
              value={form.minOrderAmount}
              onChange={(e) => set({ minOrderAmount: Number(e.target.value) })}
            />
          </label>
          <label>
            {t('admin.stock')}
            <input
              type="number"
              min={1}
              required
              value={form.stock}
              onChange={(e) => set({ stock: Number(e.target.value) })}
            />
          </label>
        </div>
        <div className="row">
          <label>
            {t('admin.issueStartsAt')}
            <input
              type="datetime-local"
              required
              value={form.issueStartsAt}
              onChange={(e) => set({ issueStartsAt: e.target.value })}
            />
          </label>
          <label>
            {t('admin.issueEndsAt')}
            <input
              type="datetime-local"
              required
              value={form.issueEndsAt}
              onChange={(e) => set({ issueEndsAt: e.target.value })}
            />
          </label>
          <label>
            {t('admin.validUntil')}
            <input
              type="datetime-local"
              required
              value={form.validUntil}
              onChange={(e) => set({ validUntil: e.target.value })}
            />
          </label>
        </div>
        <ErrorBox error={error} />
        {created && <Notice kind="success">{t('admin.created', { name: form.name })}</Notice>}
        <button type="submit" className="btn primary">
          {t('action.create')}
        </button>
      </form>
    </div>
  );
}
