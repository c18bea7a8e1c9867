import type { Named, Seat } from '../api/types.ts';

export function nameOf(x: Named): string {
  return x?.name ?? '';
}

/** A seat as the API describes it (seat map, reservation, ticket): section, row and number. */
export function seatLabel(seat: Pick<Seat, 'section' | 'row' | 'number'>, lang: 'ko' | 'en'): string {
  const { section, row, number } = seat;
  return lang === 'ko' ? `${section} ${row}열 ${number}번` : `${section} row ${row} seat ${number}`;
}

/** "mm:ss" (or "h:mm:ss") left until `iso`; 0 when passed. */
export function remaining(iso: string, now: number): { ms: number; text: string } {
  const ms = Math.max(0, new Date(iso).getTime() - now);
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return { ms, text: h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}` };
}

/** Stable colours per grade, chosen for contrast against white seat labels and the dark outline. */
const GRADE_COLOURS: Record<string, string> = {
  VIP: '#b3261e',
  R: '#6a1b9a',
  S: '#1565c0',
  A: '#2e7d32',
  B: '#8d6e00',
};
const FALLBACK = ['#00695c', '#ad1457', '#4e342e', '#283593', '#37474f'];

export function gradeColour(grade: string, index = 0): string {
  return GRADE_COLOURS[grade.toUpperCase()] ?? FALLBACK[index % FALLBACK.length]!;
}

/** The value a `datetime-local` input wants for a Date, in the browser's time zone. */
export function localInput(d: Date): string {
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
