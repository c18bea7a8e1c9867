import type { GradePrice, TicketTypeOffer } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { gradeColour } from '../../components/format.ts';
import { ADULT } from '../../lib/ticket-types.ts';

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

/**
 * The discounted ticket types (청소년, 장애인, …): one row each, with its price per grade as a short
 * list so a phone needs no wide table, and what the door will check. Nothing when only the list price
 * is sold.
 */
export function TicketTypeTable({ types }: { types: TicketTypeOffer[] }) {
  const { t, price } = useI18n();
  const discounts = types.filter((x) => x.code !== ADULT);
  if (discounts.length === 0) return null;
  return (
    <>
      <h3 id="ticket-types-h" className="ticket-types-title">
        {t('detail.ticketTypes')}
      </h3>
      <table
        className="plain-table ticket-type-table"
        aria-labelledby="ticket-types-h"
        data-testid="ticket-types"
      >
        <tbody>
          {discounts.map((x) => (
            <tr key={x.code}>
              <th scope="row">
                {x.name}
                <span className="type-off">{t('detail.ticketTypeOff', { n: x.discountPercent })}</span>
                {x.proofRequired && (
                  <span className="type-proof small">
                    {x.proofNote
                      ? t('detail.proofAtDoor', { note: x.proofNote })
                      : t('detail.proofAtDoorPlain')}
                  </span>
                )}
              </th>
              <td>
                <ul className="type-prices">
                  {x.prices.map((g) => (
                    <li key={g.grade}>
                      <span>{t('detail.gradeSeat', { grade: g.grade })}</span>{' '}
                      <strong>{price(g.price)}</strong>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
