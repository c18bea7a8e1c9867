import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { admin } from '../../api/endpoints.ts';
import type { DoorShowtime } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useTitle } from '../../lib/hooks.ts';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { DoorAnswer, refusalOf, type DoorResult } from './DoorAnswer.tsx';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorCtor = new (opts: { formats: string[] }) => BarcodeDetectorLike;

function barcodeDetector(): BarcodeDetectorCtor | undefined {
  return (window as unknown as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector;
}

/** The showtime this device's door admits, kept across reloads and sign-ins on the device. */
const DOOR_KEY = 'ct.door.showtime';
function storedShowtime(): string | null {
  try {
    return localStorage.getItem(DOOR_KEY);
  } catch {
    return null;
  }
}
function storeShowtime(id: string | null): void {
  try {
    if (id) localStorage.setItem(DOOR_KEY, id);
    else localStorage.removeItem(DOOR_KEY);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/** A camera pointed at the same QR keeps seeing it; one answer per code within this window. */
const SAME_CODE_MS = 3_000;

/**
 * The door: pick the showtime this entrance serves, then scan or type ticket codes. Every scan gets
 * a big green or red answer naming show, date, seat and holder.
 */
export default function CheckIn() {
  const { t, dateTime, number } = useI18n();
  useTitle(t('admin.checkIn'));
  const [showtimes, setShowtimes] = useState<DoorShowtime[] | null>(null);
  const [listError, setListError] = useState<unknown>(null);
  const [showtimeId, setShowtimeId] = useState<string | null>(storedShowtime);
  const [picking, setPicking] = useState(false);
  const [code, setCode] = useState('');
  const [result, setResult] = useState<DoorResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [scanning, setScanning] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  const canScan = typeof barcodeDetector() === 'function' && !!navigator.mediaDevices?.getUserMedia;

  const loadShowtimes = useCallback(async () => {
    setListError(null);
    try {
      setShowtimes(await admin.doorShowtimes());
    } catch (err) {
      setListError(err);
    }
  }, []);
  useEffect(() => {
    void loadShowtimes();
  }, [loadShowtimes]);

  const current = showtimes?.find((s) => s.id === showtimeId) ?? null;
  const choose = (id: string): void => {
    storeShowtime(id);
    setShowtimeId(id);
    setPicking(false);
    setResult(null);
    setError(null);
  };

  const check = async (value: string): Promise<void> => {
    const trimmed = value.trim();
    if (!trimmed || !showtimeId) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const ticket = await admin.checkIn(trimmed, showtimeId);
      setResult({ kind: 'ok', ticket });
      setCode('');
    } catch (err) {
      const refused = refusalOf(err);
      if (refused) {
        setResult(refused);
        setCode('');
      } else setError(err);
    } finally {
      setBusy(false);
    }
    // On a phone the keyboard would cover the answer; a desk scanner keeps typing into the field.
    if (window.matchMedia?.('(pointer: coarse)').matches) {
      (document.activeElement as HTMLElement | null)?.blur();
    }
    answerRef.current?.scrollIntoView({ block: 'nearest' });
    void loadShowtimes();
  };
  // The camera loop lives across renders; it calls whatever check is current (the showtime may change).
  const checkRef = useRef(check);
  checkRef.current = check;

  useEffect(() => {
    if (!scanning) return;
    const Detector = barcodeDetector();
    if (!Detector) return;
    const detector = new Detector({ formats: ['qr_code'] });
    let stream: MediaStream | null = null;
    let stopped = false;
    let last = { code: '', at: 0 };
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        const video = videoRef.current!;
        video.srcObject = stream;
        await video.play();
        while (!stopped) {
          const found = await detector.detect(video).catch(() => []);
          const raw = found[0]?.rawValue;
          if (raw && (raw !== last.code || Date.now() - last.at > SAME_CODE_MS)) {
            last = { code: raw, at: Date.now() };
            await checkRef.current(raw);
          }
          await new Promise((r) => setTimeout(r, 250));
        }
      } catch (err) {
        setError(err);
        setScanning(false);
      }
    })();
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [scanning]);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void check(code);
  };

  if (!showtimes) {
    return (
      <div className="door stack">
        <h1>{t('admin.checkIn')}</h1>
        {listError ? <ErrorBox error={listError} onRetry={() => void loadShowtimes()} /> : <Loading />}
      </div>
    );
  }

  if (!current || picking) {
    return (
      <div className="door stack">
        <h1>{t('admin.checkIn')}</h1>
        <h2>{t('door.pickTitle')}</h2>
        <p className="muted small">{t('door.pickHint')}</p>
        {showtimes.length === 0 ? (
          <Empty>{t('door.none')}</Empty>
        ) : (
          <ul className="door-picker">
            {showtimes.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="door-choice"
                  data-testid="door-showtime"
                  data-showtime-id={s.id}
                  aria-pressed={s.id === showtimeId}
                  onClick={() => choose(s.id)}
                >
                  <strong>{s.title}</strong>
                  <span>{dateTime(s.startsAt)}</span>
                  <span className="muted small">
                    {s.venue} ·{' '}
                    {t('door.counts', { checkedIn: number(s.checkedIn), issued: number(s.ticketsIssued) })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {current && (
          <button type="button" className="btn secondary" onClick={() => setPicking(false)}>
            {t('action.back')}
          </button>
        )}
      </div>
    );
  }

  return (
    <div className="door stack">
      <h1 className="sr-only">{t('admin.checkIn')}</h1>
      <section className="door-bar" aria-label={t('door.serving')} data-testid="door-showtime-current">
        <div>
          <span className="muted small">{t('door.serving')}</span>
          <strong>{current.title}</strong>
          <span>{dateTime(current.startsAt)}</span>
          <span className="small" data-testid="door-counts">
            {current.venue} ·{' '}
            {t('door.counts', {
              checkedIn: number(current.checkedIn),
              issued: number(current.ticketsIssued),
            })}
          </span>
        </div>
        <button type="button" className="btn secondary small" onClick={() => setPicking(true)}>
          {t('door.change')}
        </button>
      </section>
      <div ref={answerRef}>
        <DoorAnswer result={result} busy={busy} />
      </div>
      <ErrorBox error={error} />
      <form onSubmit={submit} className="door-form">
        <label>
          {t('admin.ticketCode')}
          <input
            name="code"
            required
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
          />
        </label>
        <button type="submit" className="btn primary" disabled={busy}>
          {t('admin.checkInAction')}
        </button>
      </form>
      {canScan ? (
        <button type="button" className="btn secondary" onClick={() => setScanning(!scanning)}>
          {scanning ? t('admin.stopCamera') : t('admin.scan')}
        </button>
      ) : (
        <p className="muted small">{t('admin.noCamera')}</p>
      )}
      {scanning && (
        <video ref={videoRef} className="scanner" muted playsInline aria-label={t('admin.scan')} />
      )}
    </div>
  );
}
