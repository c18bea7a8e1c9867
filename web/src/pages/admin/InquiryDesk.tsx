import { Link, useSearchParams } from 'react-router';
import { supportDesk } from '../../api/endpoints.ts';
import type { InquiryCategory, InquiryStatus } from '../../api/types.ts';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useDates } from '../../lib/dates.ts';
import { useAsync, useTitle } from '../../lib/hooks.ts';
import { CATEGORIES, StatusBadge } from '../inquiries/InquiryParts.tsx';

const TABS: InquiryStatus[] = ['OPEN', 'ANSWERED', 'CLOSED'];

/** 1:1 문의 desk: tabs by status; waiting ones oldest first, with the buyer and booking number. */
export default function InquiryDesk() {
  const { t } = useI18n();
  const dates = useDates();
  useTitle(t('admin.inquiries'));
  const [params, setParams] = useSearchParams();
  const status = (TABS as string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as InquiryStatus)
    : 'OPEN';
  const category = (CATEGORIES as readonly string[]).includes(params.get('category') ?? '')
    ? (params.get('category') as InquiryCategory)
    : undefined;
  const list = useAsync(() => supportDesk.list({ status, category, size: 50 }), [status, category]);
  const set = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) merged.set(k, v);
      else merged.delete(k);
    }
    setParams(merged, { replace: true });
  };
  const items = list.data?.items ?? [];

  return (
    <div className="stack">
      <h1>{t('admin.inquiries')}</h1>
      <div className="desk-tabs" role="group" aria-label={t('desk.tabs')}>
        {TABS.map((s) => (
          <button
            key={s}
            type="button"
            className="btn secondary small"
            aria-pressed={s === status}
            onClick={() => set({ status: s })}
            data-testid={`desk-tab-${s}`}
          >
            {t(`desk.tab.${s}`)}
          </button>
        ))}
        <label className="small">
          <span className="sr-only">{t('inq.category')}</span>
          <select value={category ?? ''} onChange={(e) => set({ category: e.target.value || undefined })}>
            <option value="">{t('desk.allCategories')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`inq.cat.${c}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && (
        <p className="small muted" data-testid="desk-total">
          {t('desk.total', { count: list.data.total })}
        </p>
      )}
      {list.data && items.length === 0 && (
        <Empty>
          <p>{t('desk.empty')}</p>
        </Empty>
      )}
      {items.length > 0 && (
        <ul className="inquiry-list" data-testid="desk-list">
          {items.map((item) => (
            <li key={item.id}>
              <Link to={`/admin/inquiries/${item.id}`} className="inquiry-card" data-testid="desk-card">
                <div className="inquiry-meta">
                  <StatusBadge status={item.status} />
                  <span>{t(`inq.cat.${item.category}`)}</span>
                  {item.waitingSince && (
                    <span>{t('desk.waiting', { when: dates.dayTime(item.waitingSince) })}</span>
                  )}
                </div>
                <h2>{item.title}</h2>
                <div className="inquiry-meta">
                  <span>
                    {item.buyer.nickname} · {item.buyer.email}
                  </span>
                  {item.bookingNumber && (
                    <span>{t('inq.bookingNumber', { number: item.bookingNumber })}</span>
                  )}
                  <span>{t('inq.count', { count: item.messageCount })}</span>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
