import { useState } from 'react';
import { Link } from 'react-router';
import { coupons } from '../api/endpoints.ts';
import type { IssuableCoupon, UserCoupon } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync, useTitle } from '../lib/hooks.ts';
import { useSession } from '../lib/session.tsx';
import { Empty, ErrorBox, Loading, Notice } from '../components/States.tsx';

function useDiscountText(): (c: Pick<IssuableCoupon, 'discountType' | 'discountValue'>) => string {
  const { t, price } = useI18n();
  return (c) =>
    c.discountType === 'PERCENT'
      ? t('coupons.percentOff', { n: c.discountValue })
      : t('coupons.amountOff', { amount: price(c.discountValue) });
}

export default function Coupons() {
  const { t, date, number } = useI18n();
  const { user } = useSession();
  const discountText = useDiscountText();
  useTitle(t('nav.coupons'));
  const issuable = useAsync(() => coupons.issuable(), []);
  const mine = useAsync<UserCoupon[]>(() => (user ? coupons.mine() : Promise.resolve([])), [user?.id]);
  const [results, setResults] = useState<Record<string, { ok: boolean; error?: unknown }>>({});

  const issue = async (id: string): Promise<void> => {
    try {
      await coupons.issue(id);
      setResults((r) => ({ ...r, [id]: { ok: true } }));
      mine.reload();
      issuable.reload();
    } catch (error) {
      setResults((r) => ({ ...r, [id]: { ok: false, error } }));
    }
  };

  return (
    <div className="stack">
      <h1>{t('nav.coupons')}</h1>
      <section aria-labelledby="iss-h">
        <h2 id="iss-h">{t('coupons.issuable')}</h2>
        {issuable.loading && !issuable.data && <Loading />}
        <ErrorBox error={issuable.error} onRetry={issuable.reload} />
        {issuable.data?.length === 0 && <Empty>{t('coupons.noneIssuable')}</Empty>}
        <ul className="coupons">
          {issuable.data?.map((c) => (
            <li key={c.id} className="coupon" data-testid="coupon">
              <strong>{c.name}</strong>
              <span>{discountText(c)}</span>
              <span className="muted">
                {c.remaining > 0 ? t('coupons.remaining', { n: number(c.remaining) }) : t('coupons.soldOut')}{' '}
                · {t('coupons.until', { date: date(c.issueEndsAt) })}
              </span>
              {results[c.id]?.ok && <Notice kind="success">{t('coupons.issued')}</Notice>}
              <ErrorBox error={results[c.id]?.error} />
              {user ? (
                <button
                  type="button"
                  className="btn"
                  disabled={c.remaining <= 0 || results[c.id]?.ok}
                  onClick={() => void issue(c.id)}
                >
                  {t('coupons.issue')}
                </button>
              ) : (
                <Link to="/login?next=/coupons">{t('nav.login')}</Link>
              )}
            </li>
          ))}
        </ul>
      </section>
      {user && (
        <section aria-labelledby="mine-h">
          <h2 id="mine-h">{t('coupons.mine')}</h2>
          <ErrorBox error={mine.error} onRetry={mine.reload} />
          {mine.data?.length === 0 && <Empty>{t('coupons.noneMine')}</Empty>}
          <ul className="coupons">
            {mine.data?.map((uc) => (
              <li key={uc.id} className="coupon">
                <strong>{uc.coupon.name}</strong>
                <span>{discountText(uc.coupon)}</span>
                <span className="badge">{t(`coupon.${uc.status}`)}</span>
                {uc.coupon.validUntil && (
                  <span className="muted">
                    {t('coupons.validUntil', { date: date(uc.coupon.validUntil) })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
