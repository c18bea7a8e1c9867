import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { errorCode, errorMessage, isMissing } from '../api/messages.ts';
import { fieldKey, fieldLabel, fieldMessage, fieldProblems } from '../api/fieldErrors.ts';
import { useI18n } from '../i18n/index.tsx';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <div className="state empty" role="status">
      {children}
    </div>
  );
}

/**
 * A problem+json error in words. Field errors a form shows next to its fields (`shownFields`, form
 * keys) are left out here; others are listed as "label: message" in the page's language, never as
 * the server's path or English. A missing show or showtime says so and links home instead of
 * offering a retry.
 */
export function ErrorBox({
  error,
  onRetry,
  shownFields = [],
  inline = false,
}: {
  error: unknown;
  onRetry?: () => void;
  shownFields?: readonly string[];
  /** Inside a form or a list: a missing thing is a sentence, not the page's heading. */
  inline?: boolean;
}) {
  const { t, lang } = useI18n();
  if (!error) return null;
  const missing = isMissing(error) && !inline;
  const lines = fieldProblems(error)
    .filter((e) => !shownFields.includes(fieldKey(e.field)) && !e.field.startsWith('params.'))
    .map((e) => {
      const name = fieldLabel(fieldKey(e.field), lang);
      return name ? `${name}: ${fieldMessage(e, lang)}` : fieldMessage(e, lang);
    });
  const unique = [...new Set(lines)];
  return (
    <div className="state error" role="alert" data-code={errorCode(error)}>
      {missing ? <h1>{errorMessage(error, lang)}</h1> : <p>{errorMessage(error, lang)}</p>}
      {missing && <p className="muted">{t('state.notFoundHint')}</p>}
      {unique.length > 0 && (
        <ul className="small">
          {unique.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {missing ? (
        <Link to="/" className="btn secondary">
          {t('action.home')}
        </Link>
      ) : (
        onRetry && (
          <button type="button" className="btn secondary" onClick={onRetry}>
            {t('action.retry')}
          </button>
        )
      )}
    </div>
  );
}

/** The message of one form field, with the ids that tie it to its input (`aria-describedby`). */
export function FieldMessage({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span id={id} className="field-error" role="alert">
      {message}
    </span>
  );
}

export function Notice({
  kind = 'info',
  children,
}: {
  kind?: 'info' | 'success' | 'warn';
  children: ReactNode;
}) {
  return (
    <div className={`notice ${kind}`} role={kind === 'warn' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
