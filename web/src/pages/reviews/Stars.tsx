import { useId } from 'react';
import { useI18n } from '../../i18n/index.tsx';

/** A rating shown as five stars, read out as "5점 만점에 4점". */
export function Stars({ rating, size = 'md' }: { rating: number; size?: 'md' | 'lg' }) {
  const { t } = useI18n();
  const full = Math.round(rating);
  return (
    <span className={`stars stars-${size}`} role="img" aria-label={t('review.outOf', { rating })}>
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} aria-hidden="true" className={n <= full ? 'on' : 'off'}>
          ★
        </span>
      ))}
    </span>
  );
}

/**
 * 1–5 stars as a radio group: arrow keys move between them, Space picks, and each star is read out
 * as its number of points. The stars up to the chosen (or hovered) one light up.
 */
export function StarInput({
  value,
  onChange,
  error,
}: {
  value: number;
  onChange: (rating: number) => void;
  error?: string;
}) {
  const { t } = useI18n();
  const name = useId();
  return (
    <fieldset className="star-input" aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{t('review.rating')}</legend>
      <div className="star-input-row">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={n <= value ? 'on' : 'off'} data-testid={`star-${n}`}>
            <input
              type="radio"
              name={name}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
              className="sr-only"
            />
            <span aria-hidden="true">★</span>
            <span className="sr-only">{t('review.ratingValue', { n })}</span>
          </label>
        ))}
        {value > 0 && (
          <span className="star-input-value" aria-hidden="true">
            {t('review.ratingValue', { n: value })}
          </span>
        )}
      </div>
      {error && (
        <span id={`${name}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
