import { Link, useNavigate, useParams } from 'react-router';
import { booking, reviews } from '../api/endpoints.ts';
import { ErrorBox, Loading, Notice } from '../components/States.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useAsync, useTitle } from '../lib/hooks.ts';
import { ReviewForm } from './reviews/ReviewForm.tsx';
import './reviews/reviews.css';

/**
 * 관람후기 쓰기 for one booking (from 예매 내역 or the invitation after the show): stars and text.
 * Once posted, the buyer lands on the performance's reviews tab with their review in it.
 */
export default function WriteReview() {
  const { id = '' } = useParams();
  const { t, dateTime } = useI18n();
  const navigate = useNavigate();
  useTitle(t('review.write'));
  const reservation = useAsync(() => booking.reservation(id), [id]);
  // The server refuses a second review; asking first lets the page say so before anyone writes.
  const mine = useAsync(async () => (await reviews.mine(1, 100)).items, []);

  if ((reservation.loading && !reservation.data) || (mine.loading && !mine.data)) return <Loading />;
  if (reservation.error) return <ErrorBox error={reservation.error} onRetry={reservation.reload} />;
  const r = reservation.data!;
  const existing = mine.data?.find((x) => x.reservationId === r.id);
  const started = Date.parse(r.showtime.startsAt) <= Date.now();
  const pagePath = (reviewId?: string) =>
    `/performances/${r.showtime.performanceId}?tab=reviews${reviewId ? `#review-${reviewId}` : ''}`;

  return (
    <div className="stack write-review">
      <h1>{t('review.write')}</h1>
      <p className="muted" data-testid="review-show">
        {t('review.forShow', { title: r.showtime.title, when: dateTime(r.showtime.startsAt) })}
      </p>
      {existing ? (
        <Notice kind="info">
          {t('review.written')} · <Link to={pagePath(existing.id)}>{t('review.seeOnPage')}</Link>
        </Notice>
      ) : r.status !== 'CONFIRMED' ? (
        <Notice kind="warn">{t('review.notConfirmed')}</Notice>
      ) : !started ? (
        <Notice kind="warn">{t('review.notYet')}</Notice>
      ) : (
        <ReviewForm
          submitLabel={t('review.submit')}
          onSubmit={async (value) => {
            const created = await reviews.create(r.showtime.performanceId, { reservationId: r.id, ...value });
            void navigate(pagePath(created.id), { state: { reviewPosted: true } });
          }}
        />
      )}
      <ErrorBox error={mine.error} inline />
    </div>
  );
}
