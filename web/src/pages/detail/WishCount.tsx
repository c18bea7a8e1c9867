import { useI18n } from '../../i18n/index.tsx';

/**
 * How many people wished for the show. The detail is one cached document for everyone, so the number
 * may be a few minutes old (docs/wishlist.md); nothing is shown before the first wish.
 */
export function WishCount({ count }: { count: number }) {
  const { t, number } = useI18n();
  if (count <= 0) return null;
  return (
    <p className="muted wish-count" data-testid="wish-count">
      {t('wish.count', { count: number(count) })}
    </p>
  );
}
