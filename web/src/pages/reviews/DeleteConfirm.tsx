import { useI18n } from '../../i18n/index.tsx';

/** "Delete this review?" with yes and cancel, shown in place of the review's actions. */
export function DeleteConfirm({ onDelete, onCancel }: { onDelete: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice warn" role="alert">
      <p>{t('review.deleteConfirm')}</p>
      <div className="row">
        <button type="button" className="btn small danger" onClick={onDelete}>
          {t('review.deleteYes')}
        </button>
        <button type="button" className="btn small secondary" onClick={onCancel}>
          {t('review.cancel')}
        </button>
      </div>
    </div>
  );
}
