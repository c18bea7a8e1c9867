import type { GradePrice } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { gradeColour } from '../../components/format.ts';

/** Grades and prices, highest first, as a table (grade, price). */
export function PriceTable({ prices }: { prices: GradePrice[] }) {
  const { t, price } = useI18n();
  return (
    <table className="price-table" aria-label={t('show.prices')}>
      <tbody>
        {prices.map((g, i) => (
          <tr key={g.grade}>
            <th scope="row">
              <span className="swatch" style={{ background: gradeColour(g.grade, i) }} aria-hidden="true" />
              {t('detail.gradeSeat', { grade: g.grade })}
            </th>
            <td>{price(g.price)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
