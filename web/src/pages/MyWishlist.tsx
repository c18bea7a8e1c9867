import { useState } from 'react';
import { Link } from 'react-router';
import { wishlist } from '../api/endpoints.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync, useTitle } from '../lib/hooks.ts';
import { Empty, ErrorBox, Loading } from '../components/States.tsx';
import { PosterTile, runLabel } from '../components/PosterTile.tsx';
import { Pager } from '../components/Pager.tsx';

const SIZE = 24;

/** 찜한 공연: the signed-in user's wished shows, newest wish first. */
export default function MyWishlist() {
  const { t, lang } = useI18n();
  useTitle(t('nav.wishlist'));
  const [page, setPage] = useState(1);
  const { data, error, loading } = useAsync(() => wishlist.page(page, SIZE), [page]);
  const pages = data ? Math.ceil(data.total / SIZE) : 0;
  return (
    <div className="stack">
      <h1>{t('nav.wishlist')}</h1>
      {loading && !data && <Loading />}
      {error !== undefined && <ErrorBox error={error} />}
      {data?.items.length === 0 && (
        <Empty>
          <p>{t('wish.empty')}</p>
          <Link to="/search" className="btn">
            {t('wish.browse')}
          </Link>
        </Empty>
      )}
      <ul className="results-grid" data-testid="wishlist">
        {data?.items.map((p) => (
          <li key={p.id}>
            <PosterTile id={p.id} title={p.title} posterUrl={p.posterUrl}>
              <p>{runLabel(p.startDate, p.endDate, lang)}</p>
              <p>{p.venue.name}</p>
            </PosterTile>
          </li>
        ))}
      </ul>
      <Pager page={page} pages={pages} onPage={setPage} />
    </div>
  );
}
