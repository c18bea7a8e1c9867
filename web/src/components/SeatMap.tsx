import { memo, useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Seat } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { gradeColour, seatLabel } from './format.ts';
import { useMapZoom } from './useMapZoom.ts';

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

interface LayerProps {
  plan: Layout;
  selected: ReadonlySet<string>;
  grades: string[];
  tabStop: string | undefined;
  onToggle: (seat: Seat) => void;
  onKey: (event: KeyboardEvent, seat: Seat) => void;
  onFocusSeat: (id: string) => void;
}

/** Every seat of the map; memoised apart from the map's size, so zooming does not redraw a thousand seats. */
const SeatLayer = memo(function SeatLayer({
  plan,
  selected,
  grades,
  tabStop,
  onToggle,
  onKey,
  onFocusSeat,
}: LayerProps) {
  const { lang, t, price } = useI18n();
  return (
    <>
      {plan.sections.map((section) => (
        <g key={section.name}>
          <text x={LABEL_W} y={section.y + 12} className="section-label">
            {section.name}
          </text>
          {section.rows.map((row) => (
            <g key={row.row}>
              <text x={LABEL_W - 6} y={row.y + 15} textAnchor="end" className="row-label" aria-hidden="true">
                {row.row}
              </text>
              {row.seats.map((seat, i) => {
                const available = seat.status === 'AVAILABLE';
                const isSelected = selected.has(seat.id);
                const x = LABEL_W + i * (SEAT + GAP);
                const state = available ? 'seats.free' : seat.status === 'SOLD' ? 'seats.sold' : 'seats.held';
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
                            onFocusSeat(seat.id);
                            onToggle(seat);
                          }
                        : undefined
                    }
                    onFocus={available ? () => onFocusSeat(seat.id) : undefined}
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
    </>
  );
});

/**
 * The stage above the seats, readable at any zoom: when the map is shrunk to fit a wide section, the
 * label and its box grow in map units so they stay about 12 px on screen.
 */
function Stage({ width, scale }: { width: number; scale: number }) {
  const { t } = useI18n();
  const grow = 1 / Math.min(scale, 1);
  const height = Math.min(Math.max(18 * grow, 24), 44);
  const y = Math.max(2, 8 - (height - 24) / 2);
  const fontSize = Math.min(12 * grow, height * 0.75);
  return (
    <>
      <rect x={LABEL_W} y={y} width={width - LABEL_W * 2} height={height} rx={4} className="stage" />
      <text
        x={width / 2}
        y={y + height / 2 + fontSize * 0.35}
        textAnchor="middle"
        className="stage-label"
        style={{ fontSize }}
      >
        {t('seats.stage')}
      </text>
    </>
  );
}

/**
 * The seat map as SVG: one checkbox per seat, grades in colour, held and sold seats greyed out and not
 * selectable. The map is one tab stop (roving tabindex): arrow keys move between available seats
 * (left/right within a row, up/down to the nearest seat of the neighbouring row), Enter or Space
 * toggles. It opens fitted to the width of its box and zooms with the buttons above it or a pinch;
 * the SVG is redrawn at the new size rather than stretched, so it stays sharp.
 */
export const SeatMap = memo(function SeatMap({ seats, selected, onToggle, grades }: Props) {
  const { t } = useI18n();
  const plan = useMemo(() => layout(seats), [seats]);
  const wrap = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const [focusId, setFocusId] = useState<string>();
  const sectionNames = plan.sections.map((s) => s.name).join('\n');
  const zoom = useMapZoom(wrap, svg, plan.width, sectionNames);

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

  const onKey = useCallback(
    (event: KeyboardEvent, seat: Seat): void => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        if (seat.status === 'AVAILABLE') onToggle(seat);
        return;
      }
      if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(event.key)) return;
      event.preventDefault();
      const target = move(rows, seat, event.key);
      if (!target) return;
      setFocusId(target.id);
      const el = wrap.current?.querySelector<SVGGElement>(`[data-seat-id="${target.id}"]`);
      el?.focus();
      // Zoomed in, the next seat may be outside the box (sideways) or the window (down).
      el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    },
    [rows, onToggle],
  );

  return (
    <div className="seatmap-area">
      <div className="seatmap-zoom">
        <button
          type="button"
          className="btn secondary small"
          aria-label={t('seats.zoomOutLabel')}
          aria-disabled={zoom.atFit}
          onClick={zoom.zoomOut}
        >
          {t('seats.zoomOut')}
        </button>
        <button
          type="button"
          className="btn secondary small"
          aria-label={t('seats.zoomInLabel')}
          aria-disabled={zoom.atMax}
          onClick={zoom.zoomIn}
        >
          {t('seats.zoomIn')}
        </button>
        <button
          type="button"
          className="btn secondary small"
          aria-label={t('seats.zoomFitLabel')}
          aria-disabled={zoom.atFit}
          onClick={zoom.zoomFit}
        >
          {t('seats.zoomFit')}
        </button>
      </div>
      <div className="seatmap-wrap" ref={wrap} data-scale={zoom.scale.toFixed(3)} {...zoom.pointerHandlers}>
        <svg
          ref={svg}
          className="seatmap"
          viewBox={`0 0 ${plan.width} ${plan.height}`}
          width={plan.width * zoom.scale}
          height={plan.height * zoom.scale}
          role="group"
          aria-label={t('seats.map')}
        >
          <Stage width={plan.width} scale={zoom.scale} />
          <SeatLayer
            plan={plan}
            selected={selected}
            grades={grades}
            tabStop={tabStop}
            onToggle={onToggle}
            onKey={onKey}
            onFocusSeat={setFocusId}
          />
        </svg>
      </div>
    </div>
  );
});

type Row = Array<{ seat: Seat; col: number }>;

/** The seat an arrow (or Home/End) key moves to from `seat`, over the rows of available seats. */
function move(rows: Row[], seat: Seat, key: string): Seat | undefined {
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
}

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
