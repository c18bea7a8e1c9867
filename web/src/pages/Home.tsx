import { useState } from 'react';
import { Link } from 'react-router';
import { catalog } from '../api/endpoints.ts';
import type { Category } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync, useTitle } from '../lib/hooks.ts';
import { ErrorBox, Loading } from '../components/States.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { PosterTile, daysUntil, openingLabel, runLabel } from '../components/PosterTile.tsx';
import '../discovery.css';

/**
 * The first page: a search box with suggestions, the ticket-open list (sales opening within a week,
 * with date and time), rankings (daily/weekly, by genre) and a row of posters per genre. Only shows
 * that have not ended; where no ranking is counted yet (a fresh site) the all-time popular shows stand in.
 */
export default function Home() {
  const { t } = useI18n();
  useTitle('');
  const categories = useAsync(() => catalog.categories(), []);

  return (
    <div className="home">
      <section className="hero" aria-labelledby="home-h">
        <h1 id="home-h">{t('discover.heading')}</h1>
        <p className="lead">{t('discover.lead')}</p>
        <SearchBox big />
        <ul className="genre-chips" aria-label={t('home.categories')}>
          {categories.data?.map((c) => (
            <li key={c.id}>
              <Link to={`/search?category=${encodeURIComponent(c.slug)}`}>{c.name}</Link>
            </li>
          ))}
        </ul>
      </section>
      <TicketOpen />
      <Rankings categories={categories.data ?? []} />
      {categories.data?.map((c) => (
        <GenreRow key={c.id} category={c} />
      ))}
      <ErrorBox error={categories.error} onRetry={categories.reload} />
    </div>
  );
}

function TicketOpen() {
  const { t, lang } = useI18n();
  const list = useAsync(() => catalog.openingSoon({ days: 7, limit: 10 }), []);
  const now = Date.now();
  const words = { today: t('discover.today'), tomorrow: t('discover.tomorrow') };
  return (
    <section aria-labelledby="open-h" data-testid="ticket-open">
      <div className="section-head">
        <h2 id="open-h">{t('discover.opening')}</h2>
      </div>
      <p className="section-lead">{t('discover.openingLead')}</p>
      {list.loading && !list.data && <Loading />}
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.data?.length === 0 && <p className="muted">{t('discover.openingNone')}</p>}
      <ul className="poster-row">
        {list.data?.map((o) => {
          const days = daysUntil(o.opensAt, now);
          return (
            <li key={o.performance.id}>
              <PosterTile
                id={o.performance.id}
                title={o.performance.title}
                posterUrl={o.performance.posterUrl}
                badge={<span className="dday">{days <= 0 ? t('discover.today') : `D-${days}`}</span>}
              >
                <p className="open-at">
                  <time dateTime={o.opensAt}>
                    {t('discover.opensAt', { when: openingLabel(o.opensAt, now, lang, words) })}
                  </time>
                </p>
                <p>
                  {o.performance.category.name} · {o.performance.venue.name}
                  {o.showtimes.length > 1
                    ? ` · ${t('discover.moreShowtimes', { count: o.showtimes.length - 1 })}`
                    : ''}
                </p>
              </PosterTile>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Rankings({ categories }: { categories: Category[] }) {
  const { t, lang } = useI18n();
  const [period, setPeriod] = useState<'daily' | 'weekly'>('daily');
  const [genre, setGenre] = useState('');
  const ranked = useAsync(async () => {
    const list = await catalog.rankings('sales', period, 10, genre || undefined);
    type Item = {
      id: string;
      title: string;
      posterUrl: string;
      rank: number;
      category: Category;
      run?: string;
    };
    if (list.length >= 3) {
      return { fallback: false, items: list.map((r): Item => ({ ...r.performance, rank: r.rank })) };
    }
    // A fresh site counted (almost) nothing yet: the all-time popular shows that are on sale.
    const popular = await catalog.search({
      sort: 'popular',
      status: 'ON_SALE',
      category: genre || undefined,
      size: 10,
    });
    return {
      fallback: true,
      items: popular.items.map((p, i): Item => ({
        ...p,
        rank: i + 1,
        run: runLabel(p.startDate, p.endDate, lang),
      })),
    };
  }, [period, genre, lang]);
  const periods = [
    ['daily', t('discover.daily')],
    ['weekly', t('discover.weekly')],
  ] as const;
  return (
    <section aria-labelledby="rank-h" data-testid="rankings">
      <div className="section-head">
        <h2 id="rank-h">{t('discover.ranking')}</h2>
      </div>
      <div
        className="rank-tabs"
        role="tablist"
        aria-label={t('discover.ranking')}
        onKeyDown={(e) => {
          // ←/→ switch the tab (the tabs pattern: only the selected tab is in the Tab order).
          if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
          const next = period === 'daily' ? 'weekly' : 'daily';
          setPeriod(next);
          document.getElementById(`rank-tab-${next}`)?.focus();
        }}
      >
        {periods.map(([value, label]) => (
          <button
            key={value}
            type="button"
            role="tab"
            id={`rank-tab-${value}`}
            aria-selected={period === value}
            aria-controls="rank-panel"
            tabIndex={period === value ? 0 : -1}
            onClick={() => setPeriod(value)}
          >
            {label}
          </button>
        ))}
      </div>
      <ul className="genre-chips" aria-label={t('search.category')}>
        {[{ slug: '', name: t('discover.allGenres'), id: 'all' }, ...categories].map((c) => (
          <li key={c.id}>
            <button type="button" aria-pressed={genre === c.slug} onClick={() => setGenre(c.slug)}>
              {c.name}
            </button>
          </li>
        ))}
      </ul>
      <div id="rank-panel" role="tabpanel" aria-labelledby={`rank-tab-${period}`}>
        {ranked.loading && !ranked.data && <Loading />}
        <ErrorBox error={ranked.error} onRetry={ranked.reload} />
        {ranked.data?.fallback && <p className="section-lead">{t('discover.rankingFallback')}</p>}
        {ranked.data?.items.length === 0 && <p className="muted">{t('discover.genreNone')}</p>}
        <ol className="poster-row">
          {ranked.data?.items.map((p) => (
            <li key={p.id}>
              <PosterTile
                id={p.id}
                title={p.title}
                posterUrl={p.posterUrl}
                badge={
                  <span className="rank-no" aria-hidden="true">
                    {p.rank}
                  </span>
                }
              >
                <p>
                  {p.category.name}
                  {p.run ? ` · ${p.run}` : ''}
                </p>
              </PosterTile>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

function GenreRow({ category }: { category: Category }) {
  const { t, lang, price } = useI18n();
  const list = useAsync(
    () => catalog.search({ category: category.slug, status: 'ON_SALE', sort: 'popular', size: 6 }),
    [category.slug],
  );
  const headingId = `genre-${category.slug}`;
  return (
    <section aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>{category.name}</h2>
        <Link to={`/search?category=${encodeURIComponent(category.slug)}`}>
          {t('discover.genreMore', { genre: category.name })}
        </Link>
      </div>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.data?.items.length === 0 && <p className="muted">{t('discover.genreNone')}</p>}
      <ul className="poster-row wide">
        {list.data?.items.map((p) => (
          <li key={p.id}>
            <PosterTile id={p.id} title={p.title} posterUrl={p.posterUrl}>
              <p>{runLabel(p.startDate, p.endDate, lang)}</p>
              <p>
                {p.venue.name}
                {p.minPrice != null ? ` · ${t('search.fromPrice', { price: price(p.minPrice) })}` : ''}
              </p>
            </PosterTile>
          </li>
        ))}
      </ul>
    </section>
  );
}
