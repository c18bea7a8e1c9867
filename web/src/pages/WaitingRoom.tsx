import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { queue } from '../api/endpoints.ts';
import { errorCode } from '../api/messages.ts';
import type { QueueState } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { useTitle } from '../lib/hooks.ts';
import { readEventStream } from '../lib/sse.ts';
import { setAdmission } from '../lib/storage.ts';
import { ErrorBox, Loading } from '../components/States.tsx';

const POLL_MS = 3000;

/**
 * The waiting room: enters the queue once (re-entering keeps the place), follows the position over
 * SSE and falls back to polling when the stream cannot be held open. On admission the token is kept
 * for this showtime and the buyer goes to the seat map.
 */
export default function WaitingRoom() {
  const { performanceId = '', showtimeId = '' } = useParams();
  const navigate = useNavigate();
  const { t, number } = useI18n();
  const [state, setState] = useState<QueueState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [live, setLive] = useState(false);
  const firstPosition = useRef<number | null>(null);
  useTitle(t('queue.title'));

  useEffect(() => {
    const controller = new AbortController();
    const seatsPath = `/performances/${performanceId}/showtimes/${showtimeId}/seats`;
    let pollTimer: ReturnType<typeof setTimeout> | undefined;

    const admitted = (token: string, expiresAt?: string): void => {
      setAdmission(showtimeId, { token, expiresAt });
      controller.abort();
      navigate(seatsPath, { replace: true });
    };
    const apply = (next: QueueState): void => {
      if (next.status === 'ADMITTED' && next.admissionToken)
        return admitted(next.admissionToken, next.expiresAt);
      firstPosition.current ??= next.position;
      firstPosition.current = Math.max(firstPosition.current, next.position);
      setState(next);
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
          await queue.enter(showtimeId).then(apply, (again: unknown) => {
            if (!controller.signal.aborted) setError(again);
          });
        } else if (!controller.signal.aborted) setError(err);
      }
      if (!controller.signal.aborted) pollTimer = setTimeout(() => void poll(), POLL_MS);
    };

    void (async () => {
      try {
        apply(await queue.enter(showtimeId));
      } catch (err) {
        if (errorCode(err) === 'QUEUE_NOT_ENABLED') return navigate(seatsPath, { replace: true });
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
    })();

    return () => {
      controller.abort();
      clearTimeout(pollTimer);
    };
  }, [performanceId, showtimeId, navigate]);

  const leave = async (): Promise<void> => {
    await queue.leave(showtimeId).catch(() => undefined);
    navigate(`/performances/${performanceId}`);
  };

  if (error) return <ErrorBox error={error} onRetry={() => window.location.reload()} />;
  if (!state) return <Loading label={t('queue.entering')} />;

  const first = firstPosition.current ?? state.position;
  const progress = first <= 1 ? 100 : Math.round(((first - state.position) / (first - 1)) * 100);
  const minutes = Math.ceil(state.estimatedWaitSeconds / 60);
  return (
    <section className="stack waiting" aria-labelledby="q-h">
      <h1 id="q-h">{t('queue.title')}</h1>
      <p className="lead">{t('queue.intro')}</p>
      <div className="queue-box" aria-live="polite" data-testid="queue-position">
        <p>{t('queue.position')}</p>
        <p className="big">{number(state.position)}</p>
        <p className="muted">
          {t('queue.ahead', { n: number(state.ahead) })} ·{' '}
          {state.estimatedWaitSeconds < 60
            ? t('queue.waitSeconds', { n: state.estimatedWaitSeconds })
            : t('queue.waitMinutes', { n: minutes })}
        </p>
        <progress max={100} value={progress} aria-label={t('queue.progress')}>
          {progress}%
        </progress>
        <p className="muted small">{live ? t('queue.live') : t('queue.polling')}</p>
      </div>
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
