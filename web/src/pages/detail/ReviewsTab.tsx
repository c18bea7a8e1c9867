import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { reviews as api } from '../../api/endpoints.ts';
import type { Review, ReviewPage, ReviewSort } from '../../api/types.ts';
import { ErrorBox, Loading, Notice } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../lib/session.tsx';
import { ReviewForm } from '../reviews/ReviewForm.tsx';
import { Stars } from '../reviews/Stars.tsx';
import { DeleteConfirm } from '../reviews/DeleteConfirm.tsx';
import '../reviews/reviews.css';

const PAGE_SIZE = 10;
const SORTS: ReviewSort[] = ['latest', 'rating', 'helpful'];

/** Average, count and one bar per star, 5 down to 1. */
function Summary({ page }: { page: ReviewPage }) {
  const { t, number } = useI18n();
  const most = Math.max(1, ...Object.values(page.histogram));
  return (
    <section className="review-summary" aria-label={t('review.summary')} data-testid="review-summary">
      <div className="review-average">
        <span className="small muted">{t('review.average')}</span>
        <strong data-testid="review-average">{page.average.toFixed(1)}</strong>
        <Stars rating={page.average} size="lg" />
        <span className="small" data-testid="review-count">
          {t('review.count', { n: number(page.count) })}
        </span>
      </div>
      <ul className="histogram" data-testid="review-histogram">
        {([5, 4, 3, 2, 1] as const).map((star) => {
          const n = page.histogram[star];
          return (
            <li key={star} aria-label={t('review.starRowCount', { star, n })} data-star={star} data-count={n}>
              <span aria-hidden="true">{t('review.starRow', { star })}</span>
              <span className="bar" aria-hidden="true">
                <span style={{ width: `${(n / most) * 100}%` }} />
              </span>
              <span aria-hidden="true" className="bar-count">
                {number(n)}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The report form under a review: a reason, then send or cancel. */
function ReportForm({
  onSend,
  onCancel,
}: {
  onSend: (reason: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const send = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    try {
      await onSend(reason.trim());
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="report-form card-form" onSubmit={(e) => void send(e)}>
      <label htmlFor={`${id}-reason`}>{t('review.reportReason')}</label>
      <textarea
        id={`${id}-reason`}
        rows={2}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-describedby={`${id}-hint`}
        required
        minLength={2}
      />
      <span id={`${id}-hint`} className="small muted">
        {t('review.reportHint')}
      </span>
      <ErrorBox error={error} inline />
      <div className="row">
        <button type="submit" className="btn small" disabled={reason.trim().length < 2}>
          {t('review.reportSend')}
        </button>
        <button type="button" className="btn small secondary" onClick={onCancel}>
          {t('review.cancel')}
        </button>
      </div>
    </form>
  );
}

/** One review: stars, who and when, the text (as text), the theatre's reply, and what the reader can do. */
function ReviewItem({
  review,
  signedIn,
  onChanged,
  onReload,
}: {
  review: Review;
  signedIn: boolean;
  onChanged: (next: Review) => void;
  onReload: () => void;
}) {
  const { t, date, number } = useI18n();
  const [mode, setMode] = useState<'view' | 'edit' | 'report' | 'delete'>('view');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const mine = review.mine === true;

  const toggleHelpful = async (): Promise<void> => {
    setError(null);
    try {
      const result = review.votedHelpful ? await api.unvote(review.id) : await api.vote(review.id);
      onChanged({ ...review, ...result });
    } catch (err) {
      setError(err);
    }
  };
  const remove = async (): Promise<void> => {
    setError(null);
    try {
      await api.remove(review.id);
      onReload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <li className="review" id={`review-${review.id}`} data-testid="review" data-rating={review.rating}>
      <div className="review-head">
        <Stars rating={review.rating} />
        <span className="review-author">{review.author.nickname}</span>
        {mine && <span className="badge">{t('review.mine')}</span>}
        <span className="small muted">
          {date(review.createdAt)}
          {review.editedAt && ` · ${t('review.edited')}`}
        </span>
      </div>
      {mode === 'edit' ? (
        <ReviewForm
          initial={{ rating: review.rating, body: review.body }}
          submitLabel={t('review.save')}
          onCancel={() => setMode('view')}
          onSubmit={async (value) => {
            await api.edit(review.id, value);
            setMode('view');
            onReload(); // the average and histogram change with the rating
          }}
        />
      ) : (
        // Plain text: React escapes it, and line breaks are kept by CSS, never by markup.
        <p className="review-body" data-testid="review-body">
          {review.body}
        </p>
      )}
      {review.reply && (
        <div className="review-reply" data-testid="review-reply">
          <strong>{t('review.reply')}</strong>
          <p className="review-body">{review.reply.body}</p>
          <span className="small muted">{date(review.reply.createdAt)}</span>
        </div>
      )}
      <div className="review-actions">
        {signedIn && !mine ? (
          <button
            type="button"
            className="btn small secondary"
            aria-pressed={review.votedHelpful === true}
            onClick={() => void toggleHelpful()}
            data-testid="helpful"
          >
            {t('review.helpfulCount', { n: number(review.helpfulCount) })}
          </button>
        ) : (
          <span className="small muted" data-testid="helpful-count">
            {t('review.helpfulCount', { n: number(review.helpfulCount) })}
          </span>
        )}
        {signedIn && !mine && mode === 'view' && (
          <button
            type="button"
            className="link-button small"
            onClick={() => setMode('report')}
            disabled={review.reported === true}
          >
            {review.reported ? t('review.reportedAlready') : t('review.report')}
          </button>
        )}
        {mine && mode === 'view' && (
          <>
            <button type="button" className="link-button small" onClick={() => setMode('edit')}>
              {t('review.edit')}
            </button>
            <button type="button" className="link-button small" onClick={() => setMode('delete')}>
              {t('review.delete')}
            </button>
          </>
        )}
      </div>
      {mode === 'report' && (
        <ReportForm
          onCancel={() => setMode('view')}
          onSend={async (reason) => {
            await api.report(review.id, reason);
            onChanged({ ...review, reported: true });
            setNotice(t('review.reported'));
            setMode('view');
          }}
        />
      )}
      {mode === 'delete' && <DeleteConfirm onDelete={() => void remove()} onCancel={() => setMode('view')} />}
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorBox error={error} inline />
    </li>
  );
}

/**
 * The reviews tab of the performance page: the summary, sorting, the list with "더 보기", helpful
 * votes and reports for signed-in readers, and edit and delete for the author.
 */
export function ReviewsTab({ performanceId }: { performanceId: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [sort, setSort] = useState<ReviewSort>('latest');
  const [data, setData] = useState<ReviewPage | null>(null);
  const [items, setItems] = useState<Review[]>([]);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);

  const load = useCallback(
    async (nextPage: number, append: boolean): Promise<void> => {
      setLoading(true);
      setError(null);
      try {
        const result = await api.list(performanceId, sort, nextPage, PAGE_SIZE);
        setData(result);
        setItems((prev) =>
          append ? [...prev, ...result.items.filter((r) => !prev.some((p) => p.id === r.id))] : result.items,
        );
        setPage(nextPage);
      } catch (err) {
        setError(err);
      } finally {
        setLoading(false);
      }
    },
    [performanceId, sort],
  );

  // The first page again whenever the sort, the reader or a change of the list asks for it.
  useEffect(() => {
    void load(1, false);
  }, [load, user?.id, version]);

  // A link to one review (a notification's) scrolls to it once it is on the page.
  useEffect(() => {
    const hash = window.location.hash;
    if (hash.startsWith('#review-'))
      document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'center' });
  }, [items]);

  if (!data && loading) return <Loading />;
  if (!data) return <ErrorBox error={error} onRetry={() => void load(1, false)} />;
  if (data.count === 0)
    return (
      <div className="state empty reviews-empty" role="status" data-testid="reviews-empty">
        <p className="reviews-title">{t('detail.noReviews')}</p>
        <p className="small">{t('detail.noReviewsHint')}</p>
      </div>
    );

  return (
    <div className="reviews-tab" data-testid="reviews">
      <Summary page={data} />
      <div className="review-sorts" role="group" aria-label={t('review.sort')}>
        {SORTS.map((s) => (
          <button
            key={s}
            type="button"
            className={`chip${sort === s ? ' active' : ''}`}
            aria-pressed={sort === s}
            onClick={() => setSort(s)}
          >
            {t(`review.sort.${s}`)}
          </button>
        ))}
      </div>
      {!user && <p className="small muted">{t('review.signInToVote')}</p>}
      <ul className="review-list" aria-busy={loading}>
        {items.map((r) => (
          <ReviewItem
            key={r.id}
            review={r}
            signedIn={!!user}
            onChanged={(next) => setItems((prev) => prev.map((x) => (x.id === next.id ? next : x)))}
            onReload={() => setVersion((v) => v + 1)}
          />
        ))}
      </ul>
      <ErrorBox error={error} inline />
      {items.length < data.total && (
        <button
          type="button"
          className="btn secondary more"
          disabled={loading}
          onClick={() => void load(page + 1, true)}
          data-testid="reviews-more"
        >
          {t('review.more')}
        </button>
      )}
    </div>
  );
}
