import { Link } from 'react-router';
import { catalog } from '../api/endpoints.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync, useTitle } from '../lib/hooks.ts';
import { Empty, ErrorBox, Loading } from '../components/States.tsx';
import { Poster } from '../components/Poster.tsx';
import { PerformanceCard } from '../components/PerformanceCard.tsx';

export default function Home() {
  const { t } = useI18n();
  useTitle('');
  const rankings = useAsync(() => catalog.rankings('sales', 'daily', 10), []);
  const categories = useAsync(() => catalog.categories(), []);
  const today = new Date().toISOString().slice(0, 10);
  const upcoming = useAsync(() => catalog.search({ sort: 'date', from: today, size: 8 }), []);

  return (
    <div className="stack">
      <section aria-labelledby="rank-h">
        <h1 id="rank-h">{t('home.rankings')}</h1>
        {rankings.loading && !rankings.data && <Loading />}
        <ErrorBox error={rankings.error} onRetry={rankings.reload} />
        {rankings.data?.length === 0 && <Empty>{t('home.noRankings')}</Empty>}
        <ol className="ranking">
          {rankings.data?.map((r) => (
            <li key={r.performance.id}>
              <Link to={`/performances/${r.performance.id}`}>
                <span className="rank">{r.rank}</span>
                <Poster url={r.performance.posterUrl} title={r.performance.title} size="sm" />
                <span>{r.performance.title}</span>
              </Link>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="cat-h">
        <h2 id="cat-h">{t('home.categories')}</h2>
        <ErrorBox error={categories.error} onRetry={categories.reload} />
        <ul className="chips">
          {categories.data?.map((c) => (
            <li key={c.id}>
              <Link className="chip" to={`/search?category=${encodeURIComponent(c.slug)}`}>
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="up-h">
        <h2 id="up-h">{t('home.upcoming')}</h2>
        {upcoming.loading && !upcoming.data && <Loading />}
        <ErrorBox error={upcoming.error} onRetry={upcoming.reload} />
        {upcoming.data && upcoming.data.items.length === 0 && <Empty>{t('search.none')}</Empty>}
        <ul className="cards">
          {upcoming.data &&
            upcoming.data.items.map((p) => (
              <li key={p.id}>
                <PerformanceCard p={p} />
              </li>
            ))}
        </ul>
      </section>
    </div>
  );
}
