import { useI18n } from '../i18n/index.tsx';

interface Props {
  title: string;
  points: Array<{ t: string; v: number }>;
  colour: string;
  format?: (n: number) => string;
}

const W = 320;
const H = 140;
const PAD = { l: 8, r: 8, t: 10, b: 22 };

/** A small hand-written SVG line chart (no chart library: the bundle stays small). */
export function LineChart({ title, points, colour, format }: Props) {
  const { number, lang } = useI18n();
  const fmt = format ?? number;
  if (points.length === 0) {
    return (
      <figure className="chart">
        <figcaption>{title}</figcaption>
        <p className="muted">—</p>
      </figure>
    );
  }
  const max = Math.max(1, ...points.map((p) => p.v));
  const innerW = W - PAD.l - PAD.r;
  const innerH = H - PAD.t - PAD.b;
  const x = (i: number): number =>
    PAD.l + (points.length === 1 ? innerW : (i / (points.length - 1)) * innerW);
  const y = (v: number): number => PAD.t + innerH - (v / max) * innerH;
  const line = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.v).toFixed(1)}`)
    .join(' ');
  const area = `${line} L${x(points.length - 1).toFixed(1)},${PAD.t + innerH} L${PAD.l},${PAD.t + innerH} Z`;
  const last = points[points.length - 1]!;
  const time = (iso: string): string =>
    new Date(iso).toLocaleTimeString(lang === 'ko' ? 'ko-KR' : 'en-US', {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  return (
    <figure className="chart">
      <figcaption>
        {title} <strong>{fmt(last.v)}</strong>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}: ${fmt(last.v)}`}>
        <line x1={PAD.l} x2={W - PAD.r} y1={PAD.t + innerH} y2={PAD.t + innerH} className="axis" />
        <path d={area} fill={colour} opacity={0.15} />
        <path d={line} fill="none" stroke={colour} strokeWidth={2} />
        <text x={PAD.l} y={H - 6} className="tick">
          {time(points[0]!.t)}
        </text>
        <text x={W - PAD.r} y={H - 6} textAnchor="end" className="tick">
          {time(last.t)}
        </text>
        <text x={W - PAD.r} y={PAD.t + 8} textAnchor="end" className="tick">
          {fmt(max)}
        </text>
      </svg>
    </figure>
  );
}
