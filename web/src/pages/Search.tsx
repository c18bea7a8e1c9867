import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { catalog, type SearchQuery } from '../api/endpoints.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync, useTitle } from '../lib/hooks.ts';
import { Empty, ErrorBox, Loading } from '../components/States.tsx';
import { PerformanceCard } from '../components/PerformanceCard.tsx';

const SORTS = ['popular', 'latest', 'date', 'views'] as const;
const PAGE_SIZE = 12;

export default function Search() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  useTitle(t('nav.search'));

  const query: SearchQuery = {
    q: params.get('q') ?? undefined,
    category: params.get('category') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    sort: (params.get('sort') as SearchQuery['sort']) ?? 'popular',
    page: Number(params.get('page') ?? 1),
    size: PAGE_SIZE,
  };
  const key = params.toString();
  const result = useAsync(() => catalog.search(query), [key]);
  const categories = useAsync(() => catalog.categories(), []);

  const update = (changes: Record<string, string>): void => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    update({ q: q.trim() });
  };

  const data = result.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / (data.size || PAGE_SIZE))) : 1;

  return (
    <div className="stack">
      <h1>{t('nav.search')}</h1>
      <form role="search" onSubmit={submit} className="search-form">
        <label htmlFor="q" className="sr-only">
          {t('search.query')}
        </label>
        <input
          id="q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('search.placeholder')}
        />
        <button type="submit" className="btn">
          {t('nav.search')}
        </button>
      </form>
      <div className="filters">
        <label>
          {t('search.category')}
          <select value={query.category ?? ''} onChange={(e) => update({ category: e.target.value })}>
            <option value="">{t('search.all')}</option>
            {categories.data?.map((c) => (
              <option key={c.id} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('search.from')}
          <input type="date" value={query.from ?? ''} onChange={(e) => update({ from: e.target.value })} />
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
      </div>
      {result.loading && !data && <Loading />}
      <ErrorBox error={result.error} onRetry={result.reload} />
      {data && (
        <p className="muted" aria-live="polite">
          {t('search.count', { count: data.total })}
        </p>
      )}
      {data?.items.length === 0 && <Empty>{t('search.none')}</Empty>}
      <ul className="cards">
        {data?.items.map((p) => (
          <li key={p.id}>
            <PerformanceCard p={p} />
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <nav className="pager" aria-label={t('search.pages')}>
          <button
            type="button"
            className="btn secondary"
            disabled={(query.page ?? 1) <= 1}
            onClick={() => update({ page: String((query.page ?? 1) - 1) })}
          >
            {t('action.prev')}
          </button>
          <span>
            {query.page} / {pages}
          </span>
          <button
            type="button"
            className="btn secondary"
            disabled={(query.page ?? 1) >= pages}
            onClick={() => update({ page: String((query.page ?? 1) + 1) })}
          >
            {t('action.next')}
          </button>
        </nav>
      )}
    </div>
  );
}
