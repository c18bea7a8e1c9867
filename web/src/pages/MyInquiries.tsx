import { Link } from 'react-router';
import { inquiries } from '../api/endpoints.ts';
import { Empty, ErrorBox, Loading } from '../components/States.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useDates } from '../lib/dates.ts';
import { useAsync, useTitle } from '../lib/hooks.ts';
import { StatusBadge } from './inquiries/InquiryParts.tsx';

/** 1:1 문의: the buyer's inquiries as cards, latest activity first, new answers marked. */
export default function MyInquiries() {
  const { t } = useI18n();
  const dates = useDates();
  useTitle(t('nav.inquiries'));
  const list = useAsync(() => inquiries.list(), []);
  const items = list.data?.items ?? [];
  return (
    <div className="stack narrow">
      <div className="inquiry-head">
        <h1>{t('nav.inquiries')}</h1>
        <Link to="/me/inquiries/new" className="btn primary" data-testid="inquiry-new">
          {t('inq.new')}
        </Link>
      </div>
      <p className="small muted">{t('inq.hint')}</p>
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && items.length === 0 && (
        <Empty>
          <p>{t('inq.empty')}</p>
        </Empty>
      )}
      {items.length > 0 && (
        <ul className="inquiry-list" data-testid="inquiry-list">
          {items.map((item) => (
            <li key={item.id}>
              <Link to={`/me/inquiries/${item.id}`} className="inquiry-card" data-testid="inquiry-card">
                <div className="inquiry-meta">
                  <StatusBadge status={item.status} />
                  <span>{t(`inq.cat.${item.category}`)}</span>
                  {item.hasUnreadAnswer && <span className="inquiry-unread">{t('inq.unread')}</span>}
                </div>
                <h2>{item.title}</h2>
                <div className="inquiry-meta">
                  {item.bookingNumber && (
                    <span>{t('inq.bookingNumber', { number: item.bookingNumber })}</span>
                  )}
                  <span>{t('inq.updated', { when: dates.dayTime(item.updatedAt) })}</span>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
