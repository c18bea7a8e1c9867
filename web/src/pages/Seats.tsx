import { useCallback, useMemo, useRef, useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { ApiError, type Conditional } from '../api/client.ts';
import { booking, catalog } from '../api/endpoints.ts';
import type { Seat, SeatMap as SeatMapData } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync, useInterval, useNow, useTitle } from '../lib/hooks.ts';
import { getAdmission, newKey, setAdmission, setPendingHold } from '../lib/storage.ts';
import { ErrorBox, Loading, Notice } from '../components/States.tsx';
import { SeatLegend, SeatMap } from '../components/SeatMap.tsx';
import { remaining, seatLabel } from '../components/format.ts';
import { salesState } from './detail/sales.ts';
import { bestAvailable } from './best-seats.ts';

const LIVE_MS = 5000;

export default function Seats() {
  const { performanceId = '', showtimeId = '' } = useParams();
  const navigate = useNavigate();
  const { t, lang, price, dateTime } = useI18n();
  const now = useNow(1000);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [holdError, setHoldError] = useState<unknown>(null);
  const [holding, setHolding] = useState(false);
  const [limitHit, setLimitHit] = useState(false);
  const [bestGrade, setBestGrade] = useState('');
  const [bestCount, setBestCount] = useState(2);
  const [noBest, setNoBest] = useState(false);
  // Phones see the sections first (seats left in each) and one section at a readable size.
  const [phone] = useState(() => window.matchMedia?.('(max-width: 600px)').matches ?? false);
  const [zone, setZone] = useState<string | null>(null);

  const perf = useAsync(() => catalog.performance(performanceId), [performanceId]);
  const showtimes = useAsync(() => catalog.showtimes(performanceId), [performanceId]);
  // Polled with If-None-Match: an unchanged map answers 304 and the page keeps what it has.
  const seatCache = useMemo<Conditional<SeatMapData>>(() => ({}), [showtimeId]);
  const seats = useAsync(() => catalog.seats(showtimeId, seatCache), [showtimeId, seatCache]);
  useInterval(seats.reload, LIVE_MS);
  useTitle(t('seats.title'));

  const showtime = showtimes.data?.find((s) => s.id === showtimeId);
  const seatList = useMemo(() => seats.data?.seats ?? [], [seats.data]);
  const grades = useMemo(() => {
    const fromPrices = perf.data?.prices.map((p) => p.grade) ?? [];
    return [...new Set([...fromPrices, ...seatList.map((s) => s.grade)])];
  }, [perf.data, seatList]);
  const priceOf = useMemo(() => new Map(perf.data?.prices.map((p) => [p.grade, p.price]) ?? []), [perf.data]);

  // Seats taken by others since they were picked drop out of the selection.
  const available = useMemo(
    () => new Set(seatList.filter((s) => s.status === 'AVAILABLE').map((s) => s.id)),
    [seatList],
  );
  const chosen = useMemo(
    () => seatList.filter((s) => selected.has(s.id) && available.has(s.id)),
    [seatList, selected, available],
  );
  const zones = useMemo(() => {
    const byName = new Map<string, { name: string; grade: string; left: number }>();
    for (const seat of seatList) {
      const z = byName.get(seat.section) ?? { name: seat.section, grade: seat.grade, left: 0 };
      if (seat.status === 'AVAILABLE') z.left += 1;
      byName.set(seat.section, z);
    }
    return [...byName.values()];
  }, [seatList]);
  const zoned = phone && zones.length > 1;
  const shownSeats = useMemo(
    () => (zoned && zone ? seatList.filter((s) => s.section === zone) : seatList),
    [zoned, zone, seatList],
  );
  const chosenIds = useMemo(() => new Set(chosen.map((s) => s.id)), [chosen]);
  // The map is memoised (a large hall has thousands of seats; the countdowns tick every second), so
  // it gets one stable callback that always calls the latest toggle.
  const toggleRef = useRef<(seat: Seat) => void>(() => undefined);
  const onToggle = useCallback((seat: Seat) => toggleRef.current(seat), []);

  if (perf.loading && !perf.data) return <Loading />;
  if (perf.error || showtimes.error) return <ErrorBox error={perf.error ?? showtimes.error} />;
  if (!showtime) {
    if (showtimes.loading) return <Loading />;
    return <ErrorBox error={new ApiError({ status: 404, code: 'SHOWTIME_NOT_FOUND' })} />;
  }
  const admission = showtime.queueEnabled ? getAdmission(showtimeId) : null;
  if (showtime.queueEnabled && !admission) {
    return <Navigate to={`/performances/${performanceId}/showtimes/${showtimeId}/queue`} replace />;
  }

  const limit = showtime.maxTicketsPerUser;
  const state = salesState(showtime, now);
  const soldOut = seatList.length > 0 && available.size === 0;

  const toggle = (seat: Seat): void => {
    setHoldError(null);
    const next = new Set([...selected].filter((id) => available.has(id)));
    if (next.has(seat.id)) next.delete(seat.id);
    else if (limit !== undefined && next.size >= limit) {
      setLimitHit(true);
      return;
    } else next.add(seat.id);
    setLimitHit(false);
    setSelected(next);
  };
  toggleRef.current = toggle;

  const maxPick = Math.max(1, Math.min(limit ?? 8, 8));
  const pickGrade = bestGrade || grades[0] || '';
  const pickBest = (): void => {
    setHoldError(null);
    setLimitHit(false);
    const best = bestAvailable(seatList, pickGrade, Math.min(bestCount, maxPick));
    setNoBest(best.length === 0);
    if (best.length > 0) {
      setSelected(new Set(best.map((s) => s.id)));
      setZone(best[0]!.section);
    }
  };

  const hold = async (): Promise<void> => {
    setHolding(true);
    setHoldError(null);
    try {
      const result = await booking.hold(
        showtimeId,
        chosen.map((s) => s.id),
        admission?.token,
      );
      setPendingHold({
        hold: result,
        performanceId,
        performanceTitle: perf.data!.title,
        seatLabels: chosen.map((s) => `${seatLabel(s, lang)} (${s.grade})`),
        seats: chosen.map((s) => ({ id: s.id, label: `${seatLabel(s, lang)} (${s.grade})`, grade: s.grade })),
        idempotencyKey: newKey(),
      });
      navigate('/checkout');
    } catch (err) {
      setHoldError(err);
      if (err instanceof ApiError && err.code === 'ADMISSION_REQUIRED') {
        // The admission ran out (or was used): back to the waiting room, which keeps the place.
        setAdmission(showtimeId, null);
        navigate(`/performances/${performanceId}/showtimes/${showtimeId}/queue`, { replace: true });
        return;
      }
      if (err instanceof ApiError && err.code === 'SEATS_UNAVAILABLE') {
        const taken = new Set((err.problem.seatIds as string[] | undefined) ?? []);
        setSelected(new Set([...selected].filter((id) => !taken.has(id))));
        seats.reload();
      }
    } finally {
      setHolding(false);
    }
  };

  const byGrade = new Map<string, { count: number; sum: number }>();
  for (const s of chosen) {
    const g = byGrade.get(s.grade) ?? { count: 0, sum: 0 };
    byGrade.set(s.grade, { count: g.count + 1, sum: g.sum + s.price });
  }
  const total = chosen.reduce((sum, s) => sum + s.price, 0);

  return (
    <div className="stack">
      <h1>
        {perf.data?.title} <small className="muted">{dateTime(showtime.startsAt)}</small>
      </h1>
      {admission?.expiresAt && (
        <Notice kind={remaining(admission.expiresAt, now).ms < 60_000 ? 'warn' : 'info'}>
          {t('seats.admissionLeft', { time: remaining(admission.expiresAt, now).text })}
        </Notice>
      )}
      {state === 'notOpen' && (
        <Notice kind="warn">
          {t('show.opensIn', { time: remaining(showtime.salesOpenAt, now).text })} (
          {dateTime(showtime.salesOpenAt)})
        </Notice>
      )}
      {state === 'closed' && <Notice kind="warn">{t('show.salesClosed')}</Notice>}
      {soldOut && (
        <Notice kind="warn">
          <span data-testid="sold-out">{t('show.soldOut')}</span>
        </Notice>
      )}
      {limit !== undefined && <p className="muted">{t('seats.limit', { n: limit })}</p>}
      <SeatLegend grades={grades} prices={priceOf} />
      {state === 'open' && grades.length > 0 && (
        <div className="best-seats" data-testid="best-seats">
          <label>
            {t('seats.bestGrade')}
            <select value={pickGrade} onChange={(e) => setBestGrade(e.target.value)}>
              {grades.map((g) => (
                <option key={g} value={g}>
                  {t('seats.gradeSeat', { grade: g })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('seats.bestCount')}
            <select
              value={Math.min(bestCount, maxPick)}
              onChange={(e) => setBestCount(Number(e.target.value))}
            >
              {Array.from({ length: maxPick }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {t('seats.count', { n })}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn" onClick={pickBest}>
            {t('seats.best', { n: Math.min(bestCount, maxPick) })}
          </button>
          {noBest && <Notice kind="warn">{t('seats.noBest', { n: Math.min(bestCount, maxPick) })}</Notice>}
        </div>
      )}
      {seats.loading && !seats.data ? (
        <Loading />
      ) : (
        <>
          {zoned && (
            <div className="zones" role="group" aria-label={t('seats.zones')} data-testid="zones">
              <div className="zones-stage" aria-hidden="true">
                {t('seats.stage')}
              </div>
              {zones.map((z) => (
                <button
                  key={z.name}
                  type="button"
                  className="zone"
                  aria-pressed={zone === z.name}
                  onClick={() => setZone(z.name)}
                >
                  <strong>{z.name}</strong> {t('seats.gradeSeat', { grade: z.grade })} ·{' '}
                  {t('seats.left', { n: z.left })}
                </button>
              ))}
            </div>
          )}
          {zoned && !zone ? (
            <p className="muted">{t('seats.pickZone')}</p>
          ) : (
            <SeatMap seats={shownSeats} selected={chosenIds} onToggle={onToggle} grades={grades} />
          )}
        </>
      )}
      {seats.error !== undefined && <ErrorBox error={seats.error} onRetry={seats.reload} />}
      <section className="summary" aria-labelledby="sum-h" aria-live="polite">
        <h2 id="sum-h">{t('seats.selected', { n: chosen.length })}</h2>
        {limitHit && <Notice kind="warn">{t('seats.limitHit', { n: limit ?? 0 })}</Notice>}
        <ul>
          {chosen.map((s) => (
            <li key={s.id}>
              {seatLabel(s, lang)} · {s.grade} · {price(s.price)}
            </li>
          ))}
        </ul>
        {byGrade.size > 0 && (
          <table className="breakdown">
            <caption className="sr-only">{t('seats.breakdown')}</caption>
            <tbody>
              {[...byGrade].map(([grade, g]) => (
                <tr key={grade}>
                  <th scope="row">
                    {grade} × {g.count}
                  </th>
                  <td>{price(g.sum)}</td>
                </tr>
              ))}
              <tr className="total">
                <th scope="row">{t('checkout.total')}</th>
                <td data-testid="seats-total">{price(total)}</td>
              </tr>
            </tbody>
          </table>
        )}
        <ErrorBox error={holdError} />
        <button
          type="button"
          className="btn primary"
          disabled={chosen.length === 0 || holding || state !== 'open'}
          onClick={() => void hold()}
        >
          {holding ? t('state.working') : t('seats.hold')}
        </button>
      </section>
      {chosen.length > 0 && (
        <div className="seats-bar" data-testid="seats-bar">
          <span>
            {t('seats.count', { n: chosen.length })} · {price(total)}
          </span>
          <button
            type="button"
            className="btn primary"
            disabled={holding || state !== 'open'}
            onClick={() => void hold()}
          >
            {t('seats.next')}
          </button>
        </div>
      )}
    </div>
  );
}
