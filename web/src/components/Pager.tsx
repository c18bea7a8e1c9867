import { useI18n } from '../i18n/index.tsx';

/**
 * Previous / next page buttons with "page / pages" between them. Hidden when everything fits on one
 * page unless `always` (desks show where they are even on a single page).
 */
export function Pager({
  page,
  pages,
  onPage,
  always = false,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
  always?: boolean;
}) {
  const { t } = useI18n();
  if (pages <= 1 && !always) return null;
  return (
    <nav className="pager" aria-label={t('search.pages')}>
      <button type="button" className="btn secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('action.prev')}
      </button>
      <span>
        {page} / {Math.max(1, pages)}
      </span>
      <button
        type="button"
        className="btn secondary"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('action.next')}
      </button>
    </nav>
  );
}
