import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { catalog, type SearchQuery } from '../api/endpoints.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync, useTitle } from '../lib/hooks.ts';
import { ErrorBox, Loading } from '../components/States.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { PosterTile, runLabel } from '../components/PosterTile.tsx';
import '../discovery.css';
import { Pager } from '../components/Pager.tsx';

const SORTS = ['popular', 'latest', 'date', 'views'] as const;
const PAGE_SIZE = 12;
const REGIONS = [
  '서울',
  '경기',
  '인천',
  '부산',
  '대구',
  '광주',
  '대전',
  '울산',
  '세종',
  '강원',
  '충북',
  '충남',
  '전북',
  '전남',
  '경북',
  '경남',
  '제주',
];
/** Price bands in KRW: [min, max] (either may be open). */
const PRICE_BANDS: [number | undefined, number | undefined][] = [
  [undefined, 50_000],
  [50_000, 100_000],
  [100_000, 150_000],
  [150_000, undefined],
];

/**
 * Search and browse: the words (genre words, 초성 and typos work), filters for genre, region, dates
 * and price, the results, and when nothing matches, shows to try instead.
 */
export default function Search() {
  const { t, lang, price } = useI18n();
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  useTitle(text ? t('search.resultsFor', { q: text }) : t('nav.search'));

  const num = (name: string) => (params.get(name) ? Number(params.get(name)) : undefined);
  const query: SearchQuery = {
    q: text || undefined,
    category: params.get('category') ?? undefined,
    region: params.get('region') ?? undefined,
    priceMin: num('priceMin'),
    priceMax: num('priceMax'),
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    sort: (params.get('sort') as SearchQuery['sort']) ?? 'popular',
    page: Number(params.get('page') ?? 1),
    size: PAGE_SIZE,
  };
  const key = params.toString();
  const result = useAsync(() => catalog.search(query), [key]);
  const categories = useAsync(() => catalog.categories(), []);

  const update = (changes: Record<string, string | undefined>): void => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const band = PRICE_BANDS.findIndex(([min, max]) => min === query.priceMin && max === query.priceMax);
  const bandLabel = ([min, max]: (typeof PRICE_BANDS)[number]): string =>
    min === undefined
      ? t('search.priceUnder', { max: price(max!) })
      : max === undefined
        ? t('search.priceOver', { min: price(min) })
        : t('search.priceBetween', { min: price(min), max: price(max) });
  const filtered = ['category', 'region', 'priceMin', 'priceMax', 'from', 'to'].some((k) => params.get(k));
  // Region, price, dates and sort: open on a wide screen, one tap away on a phone.
  const active = ['region', 'priceMin', 'from', 'to'].filter((k) => params.get(k)).length;
  const [wide] = useState(() => window.matchMedia('(min-width: 720px)').matches || active > 0);

  const data = result.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / (data.size || PAGE_SIZE))) : 1;

  return (
    <div className="stack">
      {/* The heading stays "검색": a title typed as the query must not make a second heading named after it. */}
      <h1>{t('nav.search')}</h1>
      <SearchBox initial={text} />
      {/* Named by aria-label: a visually hidden <legend> is still laid out by the fieldset and widens the page. */}
      <fieldset className="filter-bar" aria-label={t('search.filters')}>
        <ul className="genre-chips" aria-label={t('search.category')}>
          {[{ id: 'all', slug: '', name: t('search.all') }, ...(categories.data ?? [])].map((c) => (
            <li key={c.id}>
              <button
                type="button"
                aria-pressed={(query.category ?? '') === c.slug}
                onClick={() => update({ category: c.slug })}
              >
                {c.name}
              </button>
            </li>
          ))}
        </ul>
        <details className="more-filters" open={wide}>
          <summary>
            {t('search.moreFilters')}
            {active > 0 ? ` · ${active}` : ''}
          </summary>
          <div className="more-filters-grid">
            <label>
              {t('search.region')}
              <select value={query.region ?? ''} onChange={(e) => update({ region: e.target.value })}>
                <option value="">{t('search.anyRegion')}</option>
                {REGIONS.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('search.price')}
              <select
                value={band}
                onChange={(e) => {
                  const [min, max] = PRICE_BANDS[Number(e.target.value)] ?? [undefined, undefined];
                  update({ priceMin: min?.toString(), priceMax: max?.toString() });
                }}
              >
                <option value={-1}>{t('search.anyPrice')}</option>
                {PRICE_BANDS.map((b, i) => (
                  <option key={i} value={i}>
                    {bandLabel(b)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('search.from')}
              <input
                type="date"
                value={query.from ?? ''}
                onChange={(e) => update({ from: e.target.value })}
              />
            </label>
            <label>
              {t('search.to')}
              <input type="date" value={query.to ?? ''} onChange={(e) => update({ to: e.target.value })} />
            </label>
            <label>
              {t('search.sort')}
              <select value={query.sort} onChange={(e) => update({ sort: e.target.value })}>
                {SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`sort.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            {filtered && (
              <div className="filter-actions">
                <button
                  type="button"
                  className="btn secondary small"
                  onClick={() =>
                    update({ category: '', region: '', priceMin: '', priceMax: '', from: '', to: '' })
                  }
                >
                  {t('search.clearFilters')}
                </button>
              </div>
            )}
          </div>
        </details>
      </fieldset>
      {result.loading && !data && <Loading />}
      <ErrorBox error={result.error} onRetry={result.reload} />
      {data && (
        <p className="muted" aria-live="polite" data-testid="result-count">
          {text ? `${t('search.resultsFor', { q: text })} · ` : ''}
          {t('search.count', { count: data.total })}
        </p>
      )}
      {data?.approximate && text && <p className="notice">{t('search.approximate', { q: text })}</p>}
      {data?.items.length === 0 && <NothingFound text={text} />}
      <ul className="results-grid">
        {data?.items.map((p) => (
          <li key={p.id}>
            <PosterTile id={p.id} title={p.title} posterUrl={p.posterUrl}>
              <p>{runLabel(p.startDate, p.endDate, lang)}</p>
              <p>
                {p.venue.region ? `${p.venue.region} · ` : ''}
                {p.venue.name}
              </p>
              {p.minPrice != null && <p>{t('search.fromPrice', { price: price(p.minPrice) })}</p>}
              {p.status === 'CLOSED' && <span className="badge muted">{t('status.closed')}</span>}
            </PosterTile>
          </li>
        ))}
      </ul>
      <Pager page={query.page ?? 1} pages={pages} onPage={(p) => update({ page: String(p) })} />
    </div>
  );
}

/** The empty state: say so, then offer popular searches and shows that are selling now. */
function NothingFound({ text }: { text: string }) {
  const { t } = useI18n();
  const popular = useAsync(async () => {
    const ranked = await catalog.rankings('sales', 'weekly', 6);
    if (ranked.length >= 3) return ranked.map((r) => r.performance);
    return (await catalog.search({ sort: 'popular', status: 'ON_SALE', size: 6 })).items;
  }, []);
  const categories = useAsync(() => catalog.categories(), []);
  return (
    <div className="empty-suggest" role="status">
      <p>
        <strong>{text ? t('search.noneFor', { q: text }) : t('search.none')}</strong>
      </p>
      <h2>{t('search.popularWords')}</h2>
      <ul className="genre-chips">
        {categories.data?.map((c) => (
          <li key={c.id}>
            <Link to={`/search?q=${encodeURIComponent(c.name)}`}>{c.name}</Link>
          </li>
        ))}
        {popular.data?.slice(0, 4).map((p) => (
          <li key={p.id}>
            <Link to={`/search?q=${encodeURIComponent(p.title)}`}>{p.title}</Link>
          </li>
        ))}
      </ul>
      <h2>{t('search.tryThese')}</h2>
      <ul className="poster-row wide">
        {popular.data?.map((p) => (
          <li key={p.id}>
            <PosterTile id={p.id} title={p.title} posterUrl={p.posterUrl}>
              <p>{p.category.name}</p>
            </PosterTile>
          </li>
        ))}
      </ul>
    </div>
  );
}
