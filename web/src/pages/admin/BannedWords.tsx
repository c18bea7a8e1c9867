import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { supportDesk } from '../../api/endpoints.ts';
import type { BannedWord } from '../../api/types.ts';
import { Empty, ErrorBox, Loading, Notice } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useAsync, useTitle } from '../../lib/hooks.ts';
import '../inquiries/inquiries.css';

/** 금칙어: the words reviews, inquiries and chat refuse. Kept in their matching form by the server. */
export default function BannedWords() {
  const { t } = useI18n();
  useTitle(t('admin.bannedWords'));
  const list = useAsync(() => supportDesk.bannedWords(), []);
  const [word, setWord] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<unknown>();
  const items: BannedWord[] = list.data?.items ?? [];

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
    if (!word.trim()) return;
    void act(async () => {
      const added = await supportDesk.addBannedWord(word.trim());
      setWord('');
      return t('banned.added', { word: added.word });
    });
  };

  const remove = (item: BannedWord) =>
    void act(async () => {
      try {
        await supportDesk.removeBannedWord(item.id);
      } catch (err) {
        if (!(err instanceof ApiError && err.code === 'BANNED_WORD_NOT_FOUND')) throw err;
      }
      return t('banned.removed', { word: item.word });
    });

  return (
    <div className="stack narrow">
      <h1>{t('admin.bannedWords')}</h1>
      <p className="small muted">{t('banned.hint')}</p>
      <form className="stack inquiry-form" onSubmit={add} noValidate>
        <label>
          {t('banned.label')}
          <input
            type="text"
            value={word}
            maxLength={50}
            autoComplete="off"
            placeholder={t('banned.placeholder')}
            onChange={(e) => setWord(e.target.value)}
            data-testid="banned-input"
          />
        </label>
        <div className="actions">
          <button
            type="submit"
            className="btn primary"
            disabled={busy || !word.trim()}
            data-testid="banned-add"
          >
            {t('banned.add')}
          </button>
        </div>
      </form>
      {done && <Notice kind="success">{done}</Notice>}
      <ErrorBox error={error} inline />
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && items.length === 0 && (
        <Empty>
          <p>{t('banned.empty')}</p>
        </Empty>
      )}
      {items.length > 0 && (
        <>
          <p className="small muted">{t('banned.count', { count: items.length })}</p>
          <ul className="banned-list" data-testid="banned-list">
            {items.map((item) => (
              <li key={item.id}>
                <span>{item.word}</span>
                {item.addedBy === null && <span className="small muted">{t('banned.default')}</span>}
                <button
                  type="button"
                  className="btn secondary small"
                  disabled={busy}
                  aria-label={t('banned.removeLabel', { word: item.word })}
                  onClick={() => remove(item)}
                >
                  {t('banned.remove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
