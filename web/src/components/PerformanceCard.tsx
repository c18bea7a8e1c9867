import { Link } from 'react-router';
import type { PerformanceSummary } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { Poster } from './Poster.tsx';
import { nameOf } from './format.ts';
import { HeartButton } from './HeartButton.tsx';

export function PerformanceCard({ p }: { p: PerformanceSummary }) {
  const { t, date, price } = useI18n();
  return (
    <div className="tile-wrap">
      <Link to={`/performances/${p.id}`} className="card" data-testid="performance-card">
        <Poster url={p.posterUrl} title={p.title} />
        <div className="card-body">
          <h3>{p.title}</h3>
          <p className="muted">
            {nameOf(p.category)} {p.venue ? `· ${nameOf(p.venue)}` : ''}
          </p>
          {p.startDate && (
            <p className="muted">
              {date(p.startDate)} – {p.endDate ? date(p.endDate) : ''}
            </p>
          )}
          {p.minPrice != null && <p>{t('search.fromPrice', { price: price(p.minPrice) })}</p>}
          {p.status === 'CLOSED' && <span className="badge muted">{t('status.closed')}</span>}
        </div>
      </Link>
      <HeartButton performanceId={p.id} className="on-poster" />
    </div>
  );
}
