import { useParams, useSearchParams } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { useAsync, useTitle } from '../lib/hooks.ts';
import { fetchAudit, verifyDraw, type CheckId } from '../lib/queue-verify.ts';
import { ErrorBox, Loading } from '../components/States.tsx';

const API_BASE = '/api/v1';

/**
 * Anyone can check a waiting room's draw here: the page reads the public audit data, recomputes the
 * order in this browser (web/src/lib/queue-verify.ts, the same code as `npm run verify:queue`) and says
 * whether the published order is the one the seed gives. With `?entry=` (the waiting room links it)
 * the buyer sees their own drawn place and its proof.
 */
export default function QueueAudit() {
  const { showtimeId = '' } = useParams();
  const [params] = useSearchParams();
  const entry = params.get('entry') ?? '';
  const { t, number, dateTime } = useI18n();
  useTitle(t('audit.title'));
  const result = useAsync(async () => {
    const data = await fetchAudit(API_BASE, showtimeId);
    return { ...data, verdict: await verifyDraw(data.audit, data.entries) };
  }, [showtimeId]);

  if (result.error) return <ErrorBox error={result.error} onRetry={result.reload} />;
  if (!result.data) return <Loading label={t('audit.checking')} />;
  const { audit, entries, verdict } = result.data;
  const place = entry ? verdict.places.get(entry) : undefined;
  const checkLabel = (id: CheckId) => t(`audit.check.${id}`);

  let headline;
  if (verdict.pending) {
    headline = (
      <div className="queue-box" data-testid="audit-pending" aria-live="polite">
        <p className="lead">{t('audit.pending', { time: dateTime(audit.drawAt) })}</p>
        <p className="muted">{t('audit.pendingCount', { n: number(audit.earlyEntrants) })}</p>
        <p className="muted small">{t('audit.pendingExplain')}</p>
      </div>
    );
  } else if (verdict.ok) {
    headline = (
      <div className="queue-box verified" data-testid="audit-verified" aria-live="polite">
        <p className="big phrase" role="status">
          ✓ {place ? t('audit.fairPlace') : t('audit.verified')}
        </p>
        {place !== undefined && (
          <p className="lead" data-testid="audit-place">
            {t('audit.yourPlace', { place: number(place), n: number(entries.length) })}
          </p>
        )}
        {entry && place === undefined && <p className="muted">{t('audit.notInDraw')}</p>}
        <p className="muted small">{t('audit.verifiedExplain')}</p>
      </div>
    );
  } else {
    headline = (
      <div className="notice error" data-testid="audit-failed" role="alert">
        <p className="lead">✗ {t('audit.failed')}</p>
        <ul>
          {verdict.checks
            .filter((c) => !c.ok)
            .map((c) => (
              <li key={c.id}>{checkLabel(c.id)}</li>
            ))}
        </ul>
      </div>
    );
  }

  return (
    <section className="stack audit" aria-labelledby="audit-h">
      <h1 id="audit-h">{t('audit.title')}</h1>
      <p className="lead">{t('audit.intro')}</p>
      {headline}
      <h2>{t('audit.proof')}</h2>
      <dl className="proof">
        <dt>{t('audit.commitment')}</dt>
        <dd>
          <code className="hex">{audit.commitment ?? '—'}</code>
        </dd>
        <dt>{t('audit.seed')}</dt>
        <dd>
          <code className="hex">{audit.seed ?? t('audit.seedHidden')}</code>
        </dd>
        <dt>{t('audit.drawAt')}</dt>
        <dd>{dateTime(audit.drawnAt ?? audit.drawAt)}</dd>
        <dt>{t('audit.entries')}</dt>
        <dd>{number(audit.earlyEntrants)}</dd>
        <dt>{t('audit.digest')}</dt>
        <dd>
          <code className="hex">{audit.entriesDigest ?? '—'}</code>
        </dd>
        {entry && (
          <>
            <dt>{t('audit.yourEntry')}</dt>
            <dd>
              <code className="hex">{entry}</code>
            </dd>
          </>
        )}
        {entry && verdict.keys.get(entry) && (
          <>
            <dt>{t('audit.yourKey')}</dt>
            <dd>
              <code className="hex">{verdict.keys.get(entry)}</code>
            </dd>
          </>
        )}
      </dl>
      {!verdict.pending && (
        <ul className="checks" aria-label={t('audit.checks')}>
          {verdict.checks.map((c) => (
            <li key={c.id} className={c.ok ? 'ok' : 'fail'}>
              {c.ok ? '✓' : '✗'} {checkLabel(c.id)}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('audit.howTitle')}</summary>
        <p className="small">{t('audit.how')}</p>
        <pre className="hex small">npm run verify:queue {showtimeId}</pre>
      </details>
    </section>
  );
}
