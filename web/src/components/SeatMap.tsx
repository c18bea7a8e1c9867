import { memo, useMemo, useRef, useState, type KeyboardEvent } from 'react';
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
 * The seat map as SVG: one checkbox per seat, grades in colour, held and sold seats greyed out and not
 * selectable. The map is one tab stop (roving tabindex): arrow keys move between available seats
 * (left/right within a row, up/down to the nearest seat of the neighbouring row), Enter or Space
 * toggles.
 */
export const SeatMap = memo(function SeatMap({ seats, selected, onToggle, grades }: Props) {
  const { lang, t, price } = useI18n();
  const plan = useMemo(() => layout(seats), [seats]);
  const wrap = useRef<HTMLDivElement>(null);
  const [focusId, setFocusId] = useState<string>();

  // Rows of available seats in reading order, each seat with its column (its x on the map).
  const rows = useMemo(
    () =>
      plan.sections.flatMap((section) =>
        section.rows
          .map((row) =>
            row.seats.flatMap((seat, col) => (seat.status === 'AVAILABLE' ? [{ seat, col }] : [])),
          )
          .filter((row) => row.length > 0),
      ),
    [plan],
  );
  const tabStop = useMemo(() => {
    const flat = rows.flat();
    const keep = flat.find((s) => s.seat.id === focusId) ?? flat.find((s) => selected.has(s.seat.id));
    return (keep ?? flat[0])?.seat.id;
  }, [rows, focusId, selected]);

  const move = (seat: Seat, key: string): Seat | undefined => {
    const r = rows.findIndex((row) => row.some((s) => s.seat.id === seat.id));
    if (r < 0) return undefined;
    const row = rows[r]!;
    const i = row.findIndex((s) => s.seat.id === seat.id);
    if (key === 'ArrowLeft') return row[i - 1]?.seat;
    if (key === 'ArrowRight') return row[i + 1]?.seat;
    if (key === 'Home') return row[0]?.seat;
    if (key === 'End') return row[row.length - 1]?.seat;
    const next = rows[key === 'ArrowUp' ? r - 1 : r + 1];
    if (!next) return undefined;
    const col = row[i]!.col;
    return next.reduce((best, s) => (Math.abs(s.col - col) < Math.abs(best.col - col) ? s : best)).seat;
  };

  const onKey = (event: KeyboardEvent, seat: Seat): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (seat.status === 'AVAILABLE') onToggle(seat);
      return;
    }
    if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const target = move(seat, event.key);
    if (!target) return;
    setFocusId(target.id);
    wrap.current?.querySelector<SVGGElement>(`[data-seat-id="${target.id}"]`)?.focus();
  };

  return (
    <div className="seatmap-wrap" ref={wrap}>
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
                  const state = available
                    ? 'seats.free'
                    : seat.status === 'SOLD'
                      ? 'seats.sold'
                      : 'seats.held';
                  const label = `${seatLabel(seat, lang)} ${t('seats.gradeSeat', { grade: seat.grade })} ${price(
                    seat.price,
                  )}, ${t(state)}`;
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
                      tabIndex={seat.id === tabStop ? 0 : -1}
                      onClick={
                        available
                          ? () => {
                              setFocusId(seat.id);
                              onToggle(seat);
                            }
                          : undefined
                      }
                      onFocus={available ? () => setFocusId(seat.id) : undefined}
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
