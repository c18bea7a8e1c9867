import { useEffect, useRef, useState, type FormEvent } from 'react';
import { admin } from '../../api/endpoints.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useTitle } from '../../lib/hooks.ts';
import { ErrorBox, Notice } from '../../components/States.tsx';

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

/** Check-in: type or paste a ticket code, or scan it with the camera where BarcodeDetector exists. */
export default function CheckIn() {
  const { t } = useI18n();
  useTitle(t('admin.checkIn'));
  const [code, setCode] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [scanning, setScanning] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const canScan = typeof barcodeDetector() === 'function' && !!navigator.mediaDevices?.getUserMedia;

  const check = async (value: string): Promise<void> => {
    setError(null);
    setResult(null);
    try {
      const r = await admin.checkIn(value.trim());
      setResult(r.ticketId);
      setCode('');
    } catch (err) {
      setError(err);
    }
  };

  useEffect(() => {
    if (!scanning) return;
    const Detector = barcodeDetector();
    if (!Detector) return;
    const detector = new Detector({ formats: ['qr_code'] });
    let stream: MediaStream | null = null;
    let stopped = false;
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        const video = videoRef.current!;
        video.srcObject = stream;
        await video.play();
        while (!stopped) {
          const found = await detector.detect(video).catch(() => []);
          if (found[0]) {
            stopped = true;
            setScanning(false);
            await check(found[0].rawValue);
            break;
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
    // Only the scanning flag restarts the camera; re-running on every render would flicker it.
  }, [scanning]);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void check(code);
  };

  return (
    <div className="stack narrow">
      <h1>{t('admin.checkIn')}</h1>
      <form onSubmit={submit} className="stack">
        <label>
          {t('admin.ticketCode')}
          <input
            name="code"
            required
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
          />
        </label>
        <button type="submit" className="btn primary">
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
      {result && (
        <Notice kind="success">
          <span data-testid="checkin-ok">{t('admin.checkedIn')}</span>
        </Notice>
      )}
      <ErrorBox error={error} />
    </div>
  );
}
