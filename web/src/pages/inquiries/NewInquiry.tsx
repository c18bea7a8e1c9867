import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { booking, inquiries } from '../../api/endpoints.ts';
import type { InquiryCategory } from '../../api/types.ts';
import { ErrorBox } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useDates } from '../../lib/dates.ts';
import { useAsync, useTitle } from '../../lib/hooks.ts';
import { BODY_MAX, CATEGORIES, Counter, TITLE_MAX } from './InquiryParts.tsx';

/**
 * 문의하기: topic, an optional booking of the buyer's own (prefilled from 예매 내역's "문의하기"),
 * subject and message with a counter. The server screens the text and checks the booking is theirs.
 */
export default function NewInquiry() {
  const { t } = useI18n();
  const dates = useDates();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  useTitle(t('inq.newTitle'));
  const reservations = useAsync(async () => (await booking.reservations()).items, []);
  const [category, setCategory] = useState<InquiryCategory>(params.get('reservation') ? 'BOOKING' : 'OTHER');
  const [reservationId, setReservationId] = useState(params.get('reservation') ?? '');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const ready = title.trim().length > 0 && body.trim().length > 0 && Array.from(body).length <= BODY_MAX;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(undefined);
    try {
      const created = await inquiries.open({
        category,
        title: title.trim(),
        body,
        ...(reservationId ? { reservationId } : {}),
      });
      navigate(`/me/inquiries/${created.id}`, { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <div className="stack narrow">
      <h1>{t('inq.newTitle')}</h1>
      <form className="stack inquiry-form" onSubmit={(e) => void submit(e)} noValidate>
        <label>
          {t('inq.category')}
          <select
            value={category}
            onChange={(e) => setCategory(e.target.value as InquiryCategory)}
            data-testid="inquiry-category"
          >
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`inq.cat.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('inq.booking')}
          <select
            value={reservationId}
            onChange={(e) => setReservationId(e.target.value)}
            data-testid="inquiry-booking"
          >
            <option value="">{t('inq.noBooking')}</option>
            {(reservations.data ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.bookingNumber} · {r.showtime.title}
                {r.showtime.startsAt ? ` · ${dates.day(r.showtime.startsAt)}` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('inq.title')}
          <input
            type="text"
            value={title}
            maxLength={TITLE_MAX}
            placeholder={t('inq.titlePlaceholder')}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="inquiry-title"
          />
        </label>
        <label>
          {t('inq.body')}
          <textarea
            value={body}
            maxLength={BODY_MAX}
            rows={8}
            placeholder={t('inq.bodyPlaceholder')}
            onChange={(e) => setBody(e.target.value)}
            aria-describedby="inquiry-body-count"
            data-testid="inquiry-body"
          />
        </label>
        <Counter id="inquiry-body-count" value={body} max={BODY_MAX} />
        <ErrorBox error={error} inline />
        <button type="submit" className="btn primary" disabled={busy || !ready} data-testid="inquiry-submit">
          {t('inq.submit')}
        </button>
      </form>
    </div>
  );
}
