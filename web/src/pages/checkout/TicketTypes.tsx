import { useI18n } from '../../i18n/index.tsx';
import type { OrderLine, TicketTypeOffer } from './order.ts';

/**
 * 권종 선택: one select per held seat, each option with its price for that seat's grade. Types the door
 * checks say so in the option and under the list, so nobody buys a youth ticket by mistake.
 */
export function TicketTypes({
  lines,
  offers,
  onChange,
  disabled,
}: {
  lines: OrderLine[];
  offers: TicketTypeOffer[];
  onChange: (seatId: string, code: string) => void;
  disabled: boolean;
}) {
  const { t, price } = useI18n();
  const proofs = offers.filter((o) => o.proofRequired && lines.some((l) => l.type?.code === o.code));
  return (
    <fieldset className="ticket-types" disabled={disabled} data-testid="ticket-types">
      <legend>{t('checkout.ticketTypes')}</legend>
      <ul className="plain">
        {lines.map((line) => (
          <li key={line.seat.id} className="ticket-type-line">
            <label htmlFor={`tt-${line.seat.id}`}>{line.seat.label}</label>
            <select
              id={`tt-${line.seat.id}`}
              data-testid="ticket-type-select"
              value={line.type?.code ?? 'ADULT'}
              onChange={(e) => onChange(line.seat.id, e.target.value)}
            >
              {offers.map((o) => {
                const p = o.prices.find((x) => x.grade === line.seat.grade)?.price;
                return (
                  <option key={o.code} value={o.code}>
                    {o.name}
                    {p !== undefined ? ` ${price(p)}` : ''}
                    {o.proofRequired ? ` · ${t('ticketType.proof')}` : ''}
                  </option>
                );
              })}
            </select>
          </li>
        ))}
      </ul>
      {proofs.length > 0 && (
        <div className="notice warn small" data-testid="proof-notice">
          <p>{t('checkout.proofIntro')}</p>
          <ul>
            {proofs.map((o) => (
              <li key={o.code}>
                <strong>{o.name}</strong>
                {o.proofNote ? `: ${o.proofNote}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
