import { memo, useMemo, type KeyboardEvent } from 'react';
import type { Seat } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { gradeColour, seatLabel } from './format.ts';

const SEAT = 22;
const GAP = 4;
const LABEL_W = 36;
const SECTION_GAP = 30;

interface Props {
  seats: Seat[];
  selected: ReadonlySet<string>;
  onToggle: (seat: Seat) => void;
  grades: string[];
}

interface Layout {
  width: number;
  height: number;
  sections: Array<{ name: string; y: number; rows: Array<{ row: string; y: number; seats: Seat[] }> }>;
}

function layout(seats: Seat[]): Layout {
  const bySection = new Map<string, Map<string, Seat[]>>();
  for (const seat of seats) {
    const rows = bySection.get(seat.section) ?? new Map<string, Seat[]>();
    const key = String(seat.row);
    rows.set(key, [...(rows.get(key) ?? []), seat]);
    bySection.set(seat.section, rows);
  }
  let y = 50;
  let maxSeats = 0;
  const sections: Layout['sections'] = [];
  for (const [name, rows] of bySection) {
    const section: Layout['sections'][number] = { name, y, rows: [] };
    y += 20;
    const rowKeys = [...rows.keys()].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    for (const row of rowKeys) {
      const rowSeats = [...rows.get(row)!].sort((a, b) => a.number - b.number);
      maxSeats = Math.max(maxSeats, rowSeats.length);
      section.rows.push({ row, y, seats: rowSeats });
      y += SEAT + GAP;
    }
    sections.push(section);
    y += SECTION_GAP;
  }
  return { width: LABEL_W * 2 + maxSeats * (SEAT + GAP), height: y, sections };
}

/**
 * The seat map as SVG: one focusable checkbox per available seat, grades in colour, held and sold
 * seats greyed out and not selectable. Arrow keys are left to the browser's tab order (a seat map is
 * a grid of checkboxes), Enter or Space toggles.
 */
export const SeatMap = memo(function SeatMap({ seats, selected, onToggle, grades }: Props) {
  const { lang, t, price } = useI18n();
  const plan = useMemo(() => layout(seats), [seats]);

  const onKey = (event: KeyboardEvent, seat: Seat): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onToggle(seat);
    }
  };

  return (
    <div className="seatmap-wrap">
      <svg
        className="seatmap"
        viewBox={`0 0 ${plan.width} ${plan.height}`}
        width={plan.width}
        role="group"
        aria-label={t('seats.map')}
      >
        <rect x={LABEL_W} y={8} width={plan.width - LABEL_W * 2} height={24} rx={4} className="stage" />
        <text x={plan.width / 2} y={25} textAnchor="middle" className="stage-label">
          {t('seats.stage')}
        </text>
        {plan.sections.map((section) => (
          <g key={section.name}>
            <text x={LABEL_W} y={section.y + 12} className="section-label">
              {section.name}
            </text>
            {section.rows.map((row) => (
              <g key={row.row}>
                <text
                  x={LABEL_W - 6}
                  y={row.y + 15}
                  textAnchor="end"
                  className="row-label"
                  aria-hidden="true"
                >
                  {row.row}
                </text>
                {row.seats.map((seat, i) => {
                  const available = seat.status === 'AVAILABLE';
                  const isSelected = selected.has(seat.id);
                  const x = LABEL_W + i * (SEAT + GAP);
                  const label = `${seatLabel(seat, lang)}, ${seat.grade}, ${price(seat.price)}${
                    available ? '' : `, ${t(seat.status === 'SOLD' ? 'seats.sold' : 'seats.held')}`
                  }`;
                  return (
                    <g
                      key={seat.id}
                      className={`seat ${seat.status.toLowerCase()}${isSelected ? ' selected' : ''}`}
                      data-seat-id={seat.id}
                      data-status={seat.status}
                      role="checkbox"
                      aria-checked={isSelected}
                      aria-disabled={!available}
                      aria-label={label}
                      tabIndex={available ? 0 : -1}
                      onClick={available ? () => onToggle(seat) : undefined}
                      onKeyDown={available ? (e) => onKey(e, seat) : undefined}
                    >
                      <title>{label}</title>
                      <rect
                        x={x}
                        y={row.y}
                        width={SEAT}
                        height={SEAT}
                        rx={5}
                        fill={available ? gradeColour(seat.grade, grades.indexOf(seat.grade)) : undefined}
                      />
                      {isSelected && (
                        <path
                          d={`M${x + 6} ${row.y + 11} l4 4 l7 -8`}
                          className="check"
                          fill="none"
                          aria-hidden="true"
                        />
                      )}
                      {seat.status === 'SOLD' && (
                        <path
                          d={`M${x + 6} ${row.y + 6} l10 10 M${x + 16} ${row.y + 6} l-10 10`}
                          className="cross"
                          aria-hidden="true"
                        />
                      )}
                    </g>
                  );
                })}
              </g>
            ))}
          </g>
        ))}
      </svg>
    </div>
  );
});

export function SeatLegend({ grades, prices }: { grades: string[]; prices: Map<string, number> }) {
  const { t, price } = useI18n();
  return (
    <ul className="legend" aria-label={t('seats.legend')}>
      {grades.map((grade, i) => (
        <li key={grade}>
          <span className="swatch" style={{ background: gradeColour(grade, i) }} aria-hidden="true" />
          {grade} {prices.has(grade) ? price(prices.get(grade)!) : ''}
        </li>
      ))}
      <li>
        <span className="swatch held" aria-hidden="true" />
        {t('seats.held')}
      </li>
      <li>
        <span className="swatch sold" aria-hidden="true" />
        {t('seats.sold')}
      </li>
    </ul>
  );
}
