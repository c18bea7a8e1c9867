import { useId, useState, type FormEvent } from 'react';
import { ErrorBox } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { StarInput } from './Stars.tsx';

export const BODY_MIN = 10;
export const BODY_MAX = 2000;

/** The length people see: characters as read, after trimming (the server counts the same way). */
export const lengthOf = (text: string): number => [...text.trim()].length;

/**
 * Stars and text with a live counter, for writing a review and for editing one. The server has the
 * final word on the bounds (its answer is shown under the form).
 */
export function ReviewForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: { rating: number; body: string };
  submitLabel: string;
  onSubmit: (value: { rating: number; body: string }) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t, number } = useI18n();
  const id = useId();
  const [rating, setRating] = useState(initial?.rating ?? 0);
  const [body, setBody] = useState(initial?.body ?? '');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const length = lengthOf(body);
  const ratingError = tried && rating === 0 ? t('review.pickRating') : undefined;
  const bodyError = tried && length < BODY_MIN ? t('review.tooShort') : undefined;

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setTried(true);
    if (rating === 0 || length < BODY_MIN || length > BODY_MAX) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ rating, body: body.trim() });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="review-form card-form" onSubmit={(e) => void submit(e)} noValidate>
      <StarInput value={rating} onChange={setRating} error={ratingError} />
      <label htmlFor={`${id}-body`}>{t('review.body')}</label>
      <textarea
        id={`${id}-body`}
        value={body}
        rows={6}
        maxLength={BODY_MAX + 200}
        onChange={(e) => setBody(e.target.value)}
        aria-describedby={`${id}-hint ${id}-count${bodyError ? ` ${id}-error` : ''}`}
        aria-invalid={bodyError ? true : undefined}
        data-testid="review-body"
      />
      <div className="review-form-meta">
        <span id={`${id}-hint`} className="small muted">
          {t('review.bodyHint')}
        </span>
        <span
          id={`${id}-count`}
          className={`small counter${length > BODY_MAX ? ' over' : ''}`}
          aria-live="polite"
          data-testid="review-counter"
        >
          {t('review.counter', { n: number(length) })}
        </span>
      </div>
      {bodyError && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {bodyError}
        </span>
      )}
      <ErrorBox error={error} inline />
      <div className="row">
        <button type="submit" className="btn" disabled={busy || length > BODY_MAX}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="btn secondary" onClick={onCancel}>
            {t('review.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
