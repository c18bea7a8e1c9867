import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { errorCode, errorMessage } from '../api/messages.ts';
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

/** The failing fields a VALIDATION_FAILED problem names (`errors: [{field, message}]`), if any. */
function fieldErrors(error: unknown): string[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.problem.errors)) return [];
  return (error.problem.errors as Array<{ field?: unknown; message?: unknown }>)
    .filter((e) => typeof e.message === 'string')
    .map(
      (e) =>
        `${typeof e.field === 'string' ? `${e.field.replace(/^body\./, '')}: ` : ''}${String(e.message)}`,
    );
}

/** A problem+json error in words, with a retry when the caller can retry. */
export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  if (!error) return null;
  return (
    <div className="state error" role="alert" data-code={errorCode(error)}>
      <p>{errorMessage(error, lang)}</p>
      {fieldErrors(error).length > 0 && (
        <ul className="small">
          {fieldErrors(error).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="btn secondary" onClick={onRetry}>
          {t('action.retry')}
        </button>
      )}
    </div>
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
