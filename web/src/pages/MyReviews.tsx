import { useState } from 'react';
import { Link } from 'react-router';
import { reviews } from '../api/endpoints.ts';
import type { MyReview } from '../api/types.ts';
import { Pager } from '../components/Pager.tsx';
import { Empty, ErrorBox, Loading } from '../components/States.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useAsync, useTitle } from '../lib/hooks.ts';
import { ReviewForm } from './reviews/ReviewForm.tsx';
import { Stars } from './reviews/Stars.tsx';
import { DeleteConfirm } from './reviews/DeleteConfirm.tsx';
import './reviews/reviews.css';

const PAGE_SIZE = 20;

function MyReviewCard({ review, onChanged }: { review: MyReview; onChanged: () => void }) {
  const { t, date } = useI18n();
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [error, setError] = useState<unknown>(null);
  const remove = async (): Promise<void> => {
    setError(null);
    try {
      await reviews.remove(review.id);
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <li className="review" data-testid="my-review" data-hidden={review.hidden ? 'true' : undefined}>
      <Link
        className="review-show"
        to={`/performances/${review.performance.id}?tab=reviews${review.hidden ? '' : `#review-${review.id}`}`}
      >
        {review.performance.title}
      </Link>
      <div className="review-head">
        <Stars rating={review.rating} />
        <span className="small muted">
          {date(review.createdAt)}
          {review.editedAt && ` · ${t('review.edited')}`}
        </span>
        <span className="small muted">{t('review.helpfulCount', { n: review.helpfulCount })}</span>
      </div>
      {review.hidden && (
        <p className="notice warn" data-testid="my-review-hidden">
          {t('myReviews.hidden', { reason: review.hidden.reason })}
        </p>
      )}
      {mode === 'edit' ? (
        <ReviewForm
          initial={{ rating: review.rating, body: review.body }}
          submitLabel={t('review.save')}
          onCancel={() => setMode('view')}
          onSubmit={async (value) => {
            await reviews.edit(review.id, value);
            setMode('view');
            onChanged();
          }}
        />
      ) : (
        <p className="review-body">{review.body}</p>
      )}
      {review.reply && (
        <div className="review-reply" data-testid="review-reply">
          <strong>{t('review.reply')}</strong>
          <p className="review-body">{review.reply.body}</p>
        </div>
      )}
      {mode === 'view' && (
        <div className="review-actions">
          {!review.hidden && (
            <button type="button" className="link-button small" onClick={() => setMode('edit')}>
              {t('review.edit')}
            </button>
          )}
          <button type="button" className="link-button small" onClick={() => setMode('delete')}>
            {t('review.delete')}
          </button>
        </div>
      )}
      {mode === 'delete' && <DeleteConfirm onDelete={() => void remove()} onCancel={() => setMode('view')} />}
      <ErrorBox error={error} inline />
    </li>
  );
}

/** 내 관람후기: what the user wrote, newest first, hidden ones with the moderators' reason. */
export default function MyReviews() {
  const { t } = useI18n();
  useTitle(t('nav.myReviews'));
  const [page, setPage] = useState(1);
  const list = useAsync(() => reviews.mine(page, PAGE_SIZE), [page]);
  const items = list.data?.items ?? [];
  const pages = list.data ? Math.ceil(list.data.total / PAGE_SIZE) : 1;
  if (list.loading && !list.data) return <Loading />;
  return (
    <div className="stack my-reviews">
      <h1>{t('nav.myReviews')}</h1>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.data && items.length === 0 && (
        <Empty>
          <p>{t('myReviews.empty')}</p>
          <Link to="/me/reservations" className="btn secondary">
            {t('myReviews.toReservations')}
          </Link>
        </Empty>
      )}
      <ul className="review-list">
        {items.map((r) => (
          <MyReviewCard key={r.id} review={r} onChanged={list.reload} />
        ))}
      </ul>
      <Pager page={page} pages={pages} onPage={setPage} />
    </div>
  );
}
