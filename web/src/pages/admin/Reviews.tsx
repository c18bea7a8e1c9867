import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { reviews } from '../../api/endpoints.ts';
import type { ModeratedReview } from '../../api/types.ts';
import { Pager } from '../../components/Pager.tsx';
import { Empty, ErrorBox, Loading, Notice } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useAsync, useTitle } from '../../lib/hooks.ts';
import { Stars } from '../reviews/Stars.tsx';
import '../reviews/reviews.css';

/** A one-field form under a review (the hide reason, the reply). */
function TextForm({
  label,
  submit,
  initial = '',
  rows = 2,
  maxLength,
  onSubmit,
  onCancel,
}: {
  label: string;
  submit: string;
  initial?: string;
  rows?: number;
  maxLength: number;
  onSubmit: (text: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const send = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(text.trim());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="report-form card-form" onSubmit={(e) => void send(e)}>
      <label htmlFor={`${id}-text`}>{label}</label>
      <textarea
        id={`${id}-text`}
        rows={rows}
        maxLength={maxLength}
        value={text}
        onChange={(e) => setText(e.target.value)}
        required
      />
      <ErrorBox error={error} inline />
      <div className="row">
        <button type="submit" className="btn small" disabled={busy || text.trim().length === 0}>
          {submit}
        </button>
        <button type="button" className="btn small secondary" onClick={onCancel}>
          {t('review.cancel')}
        </button>
      </div>
    </form>
  );
}

function ModeratedCard({ review, onChanged }: { review: ModeratedReview; onChanged: () => void }) {
  const { t, dateTime } = useI18n();
  const [mode, setMode] = useState<'view' | 'hide' | 'reply'>('view');
  const [notice, setNotice] = useState<string | null>(null);
  const reported = review.reportCount > 0 && !review.hidden;
  return (
    <li
      className={`review${reported ? ' reported' : ''}`}
      data-testid="moderated-review"
      data-review-id={review.id}
    >
      <div className="review-head">
        <Link to={`/performances/${review.performance.id}?tab=reviews`} className="review-show">
          {review.performance.title}
        </Link>
        <Stars rating={review.rating} />
        <span className="small">{t('adminReviews.author', { nickname: review.author.nickname })}</span>
        <span className="small muted">{dateTime(review.createdAt)}</span>
        <span className={`badge${reported ? ' danger' : ''}`}>
          {review.reportCount > 0
            ? t('adminReviews.reports', { n: review.reportCount })
            : t('adminReviews.noReports')}
        </span>
      </div>
      <p className="review-body">{review.body}</p>
      {review.reports.length > 0 && (
        <ul className="reports" aria-label={t('adminReviews.reports', { n: review.reportCount })}>
          {review.reports.map((r, i) => (
            <li key={`${r.createdAt}-${i}`}>
              {r.reason} <span className="muted">({dateTime(r.createdAt)})</span>
            </li>
          ))}
        </ul>
      )}
      {review.hidden && (
        <p className="notice warn">{t('adminReviews.hidden', { reason: review.hidden.reason })}</p>
      )}
      {review.reply && (
        <div className="review-reply" data-testid="review-reply">
          <strong>{t('review.reply')}</strong>
          <p className="review-body">{review.reply.body}</p>
        </div>
      )}
      {mode === 'view' && (
        <div className="review-actions">
          <button type="button" className="btn small secondary" onClick={() => setMode('reply')}>
            {review.reply ? t('adminReviews.replyEdit') : t('adminReviews.replyButton')}
          </button>
          {!review.hidden && (
            <button type="button" className="btn small danger" onClick={() => setMode('hide')}>
              {t('adminReviews.hide')}
            </button>
          )}
        </div>
      )}
      {mode === 'hide' && (
        <TextForm
          label={t('adminReviews.hideReason')}
          submit={t('adminReviews.hide')}
          maxLength={500}
          onCancel={() => setMode('view')}
          onSubmit={async (reason) => {
            await reviews.hide(review.id, reason);
            setMode('view');
            setNotice(t('adminReviews.didHide'));
            onChanged();
          }}
        />
      )}
      {mode === 'reply' && (
        <TextForm
          label={t('adminReviews.replyBody')}
          submit={t('adminReviews.replySave')}
          initial={review.reply?.body ?? ''}
          rows={4}
          maxLength={2000}
          onCancel={() => setMode('view')}
          onSubmit={async (body) => {
            await reviews.reply(review.id, body);
            setMode('view');
            setNotice(t('adminReviews.replied'));
            onChanged();
          }}
        />
      )}
      {notice && <Notice kind="success">{notice}</Notice>}
    </li>
  );
}

/** 관람후기 관리: the moderation queue, reported reviews first; hide with a reason, reply as the theatre. */
export default function AdminReviews() {
  const { t } = useI18n();
  useTitle(t('admin.reviews'));
  const [page, setPage] = useState(1);
  const [reportedOnly, setReportedOnly] = useState(false);
  const list = useAsync(() => reviews.moderation(reportedOnly, page), [reportedOnly, page]);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.size)) : 1;
  return (
    <div className="stack admin-reviews">
      <h1>{t('admin.reviews')}</h1>
      <label className="inline">
        <input
          type="checkbox"
          checked={reportedOnly}
          onChange={(e) => {
            setReportedOnly(e.target.checked);
            setPage(1);
          }}
        />{' '}
        {t('adminReviews.reportedOnly')}
      </label>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data?.items.length === 0 && <Empty>{t('adminReviews.empty')}</Empty>}
      <ul className="review-list">
        {list.data?.items.map((r) => (
          <ModeratedCard key={r.id} review={r} onChanged={list.reload} />
        ))}
      </ul>
      <Pager page={page} pages={pages} onPage={setPage} always />
    </div>
  );
}
