import { useEffect, useRef, useState } from 'react';
import { dayKey, formatDayTime, formatTime } from '../lib/dates.ts';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { queue } from '../api/endpoints.ts';
import { errorCode } from '../api/messages.ts';
import type { QueueState } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { useTitle } from '../lib/hooks.ts';
import { readEventStream } from '../lib/sse.ts';
import { solvePow } from '../lib/pow.ts';
import { setAdmission } from '../lib/storage.ts';
import { ErrorBox, Loading } from '../components/States.tsx';

const POLL_MS = 3000;
/** Entries at the opening moment are spread over this long (order among them is drawn anyway). */
const OPEN_JITTER_MS = 3000;

/** "14:30" in Korean time, with the date in front when it is not today there. */
function clockOf(iso: string, lang: 'ko' | 'en'): string {
  if (Number.isNaN(new Date(iso).getTime())) return iso;
  // Today: the time alone; another day: the day with its weekday, then the time.
  return dayKey(iso) === dayKey(Date.now()) ? formatTime(iso) : formatDayTime(iso, lang);
}

/**
 * The waiting room: enters the queue once (re-entering keeps the place), follows the position over
 * SSE and falls back to polling when the stream cannot be held open. On admission the token is kept
 * for this showtime and the buyer goes to the seat map. Before the room opens it shows the opening
 * time and enters by itself then; someone who entered before sales open has no place until the draw.
 */
export default function WaitingRoom() {
  const { performanceId = '', showtimeId = '' } = useParams();
  const navigate = useNavigate();
  const { t, number, lang } = useI18n();
  const [state, setState] = useState<QueueState | null>(null);
  const [opensAt, setOpensAt] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [live, setLive] = useState(false);
  const firstPosition = useRef<number | null>(null);
  /** This showtime asked for a proof of work once: solve before every later entry. */
  const needsPow = useRef(false);
  const [solving, setSolving] = useState(false);
  useTitle(t('queue.title'));

  useEffect(() => {
    const controller = new AbortController();
    const seatsPath = `/performances/${performanceId}/showtimes/${showtimeId}/seats`;
    let pollTimer: ReturnType<typeof setTimeout> | undefined;
    let openTimer: ReturnType<typeof setTimeout> | undefined;

    const admitted = (token: string, expiresAt?: string): void => {
      setAdmission(showtimeId, { token, expiresAt });
      controller.abort();
      navigate(seatsPath, { replace: true });
    };
    const apply = (next: QueueState): void => {
      if (next.status === 'ADMITTED' && next.admissionToken)
        return admitted(next.admissionToken, next.expiresAt);
      if (next.position !== null) {
        firstPosition.current ??= next.position;
        firstPosition.current = Math.max(firstPosition.current, next.position);
      }
      setOpensAt(null);
      setState(next);
    };
    /**
     * Enters; where the showtime asks for a proof of work (400 CHALLENGE_REQUIRED), fetches a challenge,
     * solves it in the background (Web Workers, no interaction) and enters with it.
     */
    const enter = async (): Promise<QueueState> => {
      if (!needsPow.current) {
        try {
          return await queue.enter(showtimeId);
        } catch (err) {
          if (errorCode(err) !== 'CHALLENGE_REQUIRED') throw err;
          needsPow.current = true;
        }
      }
      setSolving(true);
      try {
        const altcha = await solvePow(await queue.challenge(showtimeId));
        return await queue.enter(showtimeId, altcha);
      } finally {
        setSolving(false);
      }
    };
    const poll = async (): Promise<void> => {
      if (controller.signal.aborted) return;
      try {
        apply(await queue.status(showtimeId));
        setError(null);
      } catch (err) {
        // Dropped from the queue (e.g. the admission window passed unused): entering again is safe,
        // the server keeps a place that still exists.
        if (errorCode(err) === 'NOT_IN_QUEUE') {
          await enter().then(apply, (again: unknown) => {
            if (!controller.signal.aborted) setError(again);
          });
        } else if (!controller.signal.aborted) setError(err);
      }
      if (!controller.signal.aborted) pollTimer = setTimeout(() => void poll(), POLL_MS);
    };

    const start = async (): Promise<void> => {
      try {
        apply(await enter());
      } catch (err) {
        if (errorCode(err) === 'QUEUE_NOT_ENABLED') return navigate(seatsPath, { replace: true });
        const at = err instanceof ApiError ? err.problem.opensAt : undefined;
        if (errorCode(err) === 'QUEUE_NOT_OPEN' && typeof at === 'string') {
          // Come back at the opening time (asked again at least hourly; the time may move).
          setOpensAt(at);
          const wait = Math.min(Date.parse(at) - Date.now(), 3600_000) + Math.random() * OPEN_JITTER_MS;
          openTimer = setTimeout(() => void start(), Math.max(wait, 1000));
          return;
        }
        setError(err);
        return;
      }
      if (controller.signal.aborted) return;
      try {
        setLive(true);
        await readEventStream(
          `/showtimes/${showtimeId}/queue/stream`,
          ({ event, data }) => {
            const body = JSON.parse(data) as Partial<QueueState>;
            if (event === 'admitted' && body.admissionToken) admitted(body.admissionToken, body.expiresAt);
            else if (event === 'position') apply({ status: 'WAITING', ...body } as QueueState);
          },
          controller.signal,
        );
      } catch {
        // The stream broke (proxy, network): polling keeps the page honest.
      }
      setLive(false);
      void poll();
    };
    void start();

    return () => {
      controller.abort();
      clearTimeout(pollTimer);
      clearTimeout(openTimer);
    };
  }, [performanceId, showtimeId, navigate]);

  const leave = async (): Promise<void> => {
    await queue.leave(showtimeId).catch(() => undefined);
    navigate(`/performances/${performanceId}`);
  };

  if (error) return <ErrorBox error={error} onRetry={() => window.location.reload()} />;
  if (opensAt)
    return (
      <section className="stack waiting" aria-labelledby="q-h">
        <h1 id="q-h">{t('queue.title')}</h1>
        <div className="queue-box" aria-live="polite" data-testid="queue-not-open">
          <p>{t('queue.notOpenTitle')}</p>
          <p className="big phrase">{t('queue.opensAt', { time: clockOf(opensAt, lang) })}</p>
          <p className="muted">{t('queue.opensAuto')}</p>
        </div>
        <p className="notice info">{t('queue.drawExplain')}</p>
        <div className="row">
          <Link to={`/performances/${performanceId}`}>{t('action.back')}</Link>
        </div>
      </section>
    );
  if (!state) return <Loading label={solving ? t('queue.checking') : t('queue.entering')} />;
  const auditLink = (
    <p className="small" data-testid="queue-entry">
      {t('queue.entryId')} <code className="hex">{state.entryId.slice(0, 8)}</code> ·{' '}
      <Link to={`/showtimes/${showtimeId}/audit?entry=${state.entryId}`}>{t('queue.auditLink')}</Link>
    </p>
  );

  const minutes = Math.ceil(state.estimatedWaitSeconds / 60);
  const wait =
    state.estimatedWaitSeconds < 60
      ? t('queue.waitSeconds', { n: state.estimatedWaitSeconds })
      : t('queue.waitMinutes', { n: minutes });
  let box;
  if (state.position === null) {
    const drawn = state.drawAt !== undefined && Date.parse(state.drawAt) <= Date.now();
    box = (
      <div className="queue-box" aria-live="polite" data-testid="queue-draw">
        <p>{t('queue.drawTitle')}</p>
        <p className="lead">
          {drawn || !state.drawAt
            ? t('queue.drawing')
            : t('queue.drawAt', { time: clockOf(state.drawAt, lang) })}
        </p>
        <p className="muted">
          {t('queue.drawNoPosition')} · {wait}
        </p>
        <p className="muted small">{t('queue.drawExplain')}</p>
        {auditLink}
      </div>
    );
  } else {
    const first = firstPosition.current ?? state.position;
    const progress = first <= 1 ? 100 : Math.round(((first - state.position) / (first - 1)) * 100);
    box = (
      <div className="queue-box" aria-live="polite" data-testid="queue-position">
        <p>{t('queue.position')}</p>
        <p className="big">{number(state.position)}</p>
        <p className="muted">
          {t('queue.ahead', { n: number(state.ahead ?? state.position - 1) })} · {wait}
        </p>
        <progress max={100} value={progress} aria-label={t('queue.progress')}>
          {progress}%
        </progress>
        <p className="muted small">{live ? t('queue.live') : t('queue.polling')}</p>
        {auditLink}
      </div>
    );
  }
  return (
    <section className="stack waiting" aria-labelledby="q-h">
      <h1 id="q-h">{t('queue.title')}</h1>
      <p className="lead">{t('queue.intro')}</p>
      {box}
      <div className="notice info">
        <h2>{t('queue.whileWaiting')}</h2>
        <ul>
          <li>{t('queue.tip1')}</li>
          <li>{t('queue.tip2')}</li>
          <li>{t('queue.tip3')}</li>
        </ul>
      </div>
      <div className="row">
        <button type="button" className="btn secondary" onClick={() => void leave()}>
          {t('queue.leave')}
        </button>
        <Link to={`/performances/${performanceId}`}>{t('action.back')}</Link>
      </div>
    </section>
  );
}
