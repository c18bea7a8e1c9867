import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { keywordAlerts } from '../api/endpoints.ts';
import type { KeywordAlert } from '../api/types.ts';
import { Empty, ErrorBox, Loading, Notice } from '../components/States.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useAsync, useTitle } from '../lib/hooks.ts';
import './profile/profile.css';

const MAX_LENGTH = 30;

/**
 * 키워드 알림: words the user wants to hear about. A new show whose title, cast or venue holds one
 * of them sends one notification (and mail) per show. Up to 20 words; the count is always shown.
 */
export default function MyKeywords() {
  const { t } = useI18n();
  useTitle(t('nav.keywords'));
  const list = useAsync(() => keywordAlerts.list(), []);
  const [keyword, setKeyword] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<unknown>();

  const items: KeywordAlert[] = list.data?.items ?? [];
  const limit = list.data?.limit ?? 20;
  const full = items.length >= limit;
  const trimmed = keyword.trim().replace(/\s+/g, ' ');
  const tooLong = Array.from(trimmed).length > MAX_LENGTH;

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setDone(undefined);
    setError(undefined);
    try {
      setDone(await work());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      list.reload();
    }
  };

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!trimmed || tooLong) return;
    void act(async () => {
      const known = items.some(
        (i) => i.keyword.toLowerCase().replace(/\s+/g, '') === trimmed.toLowerCase().replace(/\s+/g, ''),
      );
      const added = await keywordAlerts.add(trimmed);
      setKeyword('');
      return t(known ? 'keywords.exists' : 'keywords.added', { keyword: added.keyword });
    });
  };

  const remove = (item: KeywordAlert) =>
    void act(async () => {
      try {
        await keywordAlerts.remove(item.id);
      } catch (err) {
        // Removed already (another tab): the list reloads either way.
        if (!(err instanceof ApiError && err.code === 'KEYWORD_ALERT_NOT_FOUND')) throw err;
      }
      return t('keywords.removed', { keyword: item.keyword });
    });

  return (
    <div className="stack narrow profile">
      <h1>{t('nav.keywords')}</h1>
      <p className="small muted">{t('keywords.hint')}</p>
      <section className="profile-section stack" aria-labelledby="keywords-add">
        <form className="stack" onSubmit={add} noValidate>
          <label id="keywords-add">
            {t('keywords.label')}
            <input
              type="text"
              name="keyword"
              value={keyword}
              placeholder={t('keywords.placeholder')}
              maxLength={60}
              autoComplete="off"
              enterKeyHint="done"
              disabled={full}
              onChange={(e) => setKeyword(e.target.value)}
              aria-invalid={tooLong ? true : undefined}
              aria-describedby="keywords-count"
              data-testid="keyword-input"
            />
            {tooLong && (
              <span className="field-error" role="alert">
                {t('keywords.tooLong', { max: MAX_LENGTH })}
              </span>
            )}
          </label>
          <div className="actions keywords-actions">
            <span id="keywords-count" className="small muted" data-testid="keyword-count">
              {t('keywords.count', { count: items.length, limit })}
            </span>
            <button
              type="submit"
              className="btn primary"
              disabled={busy || full || !trimmed || tooLong}
              data-testid="keyword-add"
            >
              {t('keywords.add')}
            </button>
          </div>
          {full && <Notice kind="warn">{t('keywords.full', { limit })}</Notice>}
        </form>
        {done && <Notice kind="success">{done}</Notice>}
        <ErrorBox error={error} inline />
      </section>

      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && items.length === 0 && (
        <Empty>
          <p>{t('keywords.empty')}</p>
        </Empty>
      )}
      {items.length > 0 && (
        <ul className="keyword-list" data-testid="keyword-list">
          {items.map((item) => (
            <li key={item.id}>
              <span className="keyword-text">{item.keyword}</span>
              <button
                type="button"
                className="btn secondary small"
                disabled={busy}
                aria-label={t('keywords.removeLabel', { keyword: item.keyword })}
                onClick={() => remove(item)}
              >
                {t('keywords.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
