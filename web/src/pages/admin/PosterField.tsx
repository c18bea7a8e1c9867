import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { posters } from '../../api/posters.ts';
import { posterSources } from '../../components/posterSources.ts';
import { PosterPicture } from '../../components/PosterPicture.tsx';
import { ErrorBox, Notice } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** What the server accepts (POST /admin/uploads, PUT …/poster); checked here too, to answer at once. */
const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPT = 'image/jpeg,image/png,image/webp';

/**
 * The performance editor's poster: upload a JPEG, PNG or WebP (it replaces the current poster at
 * once, apart from the form's 저장) or go back to the generated poster.
 */
export function PosterField({ performanceId, posterUrl }: { performanceId: string; posterUrl: string }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState(posterUrl);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<'uploaded' | 'reset' | null>(null);
  const uploaded = posterSources(current) !== null;

  const run = async (action: () => Promise<string>, result: 'uploaded' | 'reset'): Promise<void> => {
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      setCurrent(await action());
      setDone(result);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const upload = (): void => {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setDone(null);
      setError(new ApiError({ status: 413, code: 'IMAGE_TOO_LARGE' }));
      return;
    }
    void run(async () => (await posters.upload(performanceId, file)).url, 'uploaded');
  };

  const reset = (): void => {
    void run(async () => {
      await posters.reset(performanceId);
      return `/api/v1/posters/${performanceId}.svg`;
    }, 'reset');
  };

  return (
    <fieldset className="poster-field">
      <legend>{t('admin.poster')}</legend>
      <div className="poster-field-body">
        <PosterPicture
          url={current}
          place="thumb"
          className="poster poster-field-preview"
          alt={t('admin.posterCurrent')}
        />
        <div className="poster-field-controls">
          <label>
            {t('admin.posterFile')}
            <input
              type="file"
              name="poster"
              accept={ACCEPT}
              aria-describedby="poster-hint"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setError(null);
                setDone(null);
              }}
            />
          </label>
          <p id="poster-hint" className="muted small">
            {t('admin.posterHint')}
          </p>
          <div className="row">
            <button type="button" className="btn secondary" disabled={!file || busy} onClick={upload}>
              {busy ? t('admin.posterUploading') : t('admin.posterUpload')}
            </button>
            {uploaded && (
              <button type="button" className="btn secondary" disabled={busy} onClick={reset}>
                {t('admin.posterReset')}
              </button>
            )}
          </div>
        </div>
      </div>
      <ErrorBox error={error} inline />
      {done && (
        <Notice kind="success">
          {t(done === 'uploaded' ? 'admin.posterUploaded' : 'admin.posterResetDone')}
        </Notice>
      )}
    </fieldset>
  );
}
