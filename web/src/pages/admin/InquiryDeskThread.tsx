import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { supportDesk } from '../../api/endpoints.ts';
import { ErrorBox, Loading, Notice } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useDates } from '../../lib/dates.ts';
import { useAsync, useTitle } from '../../lib/hooks.ts';
import { BODY_MAX, Counter, MessageThread, StatusBadge } from '../inquiries/InquiryParts.tsx';

/** One inquiry at the desk: who asked, the thread, the answer box and closing. */
export default function InquiryDeskThread() {
  const { t } = useI18n();
  const dates = useDates();
  const { id = '' } = useParams();
  const thread = useAsync(() => supportDesk.get(id), [id]);
  useTitle(thread.data?.title ?? t('admin.inquiries'));
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<unknown>();

  if (thread.loading && !thread.data) return <Loading />;
  if (thread.error !== undefined) return <ErrorBox error={thread.error} onRetry={thread.reload} />;
  const inquiry = thread.data!;

  const act = async (work: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setDone(undefined);
    setError(undefined);
    try {
      await work();
      setDone(message);
      thread.reload();
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const send = (e: FormEvent) => {
    e.preventDefault();
    if (!answer.trim()) return;
    void act(() => supportDesk.answer(id, answer), t('desk.answered')).then((ok) => ok && setAnswer(''));
  };

  return (
    <div className="stack narrow">
      <Link to="/admin/inquiries" className="small">
        ← {t('desk.back')}
      </Link>
      <div className="inquiry-meta">
        <StatusBadge status={inquiry.status} />
        <span>{t(`inq.cat.${inquiry.category}`)}</span>
        {inquiry.bookingNumber && <span>{t('inq.bookingNumber', { number: inquiry.bookingNumber })}</span>}
        {inquiry.waitingSince && (
          <span>{t('desk.waiting', { when: dates.dayTime(inquiry.waitingSince) })}</span>
        )}
      </div>
      <h1>{inquiry.title}</h1>
      <p className="small">
        {t('desk.buyer')}: {inquiry.buyer.nickname} · {inquiry.buyer.email}
      </p>
      <MessageThread messages={inquiry.messages} viewer="staff" />
      {inquiry.status !== 'CLOSED' && (
        <form className="stack inquiry-form" onSubmit={send} noValidate>
          <label>
            {t('desk.answer')}
            <textarea
              value={answer}
              maxLength={BODY_MAX}
              rows={6}
              placeholder={t('desk.answerPlaceholder')}
              onChange={(e) => setAnswer(e.target.value)}
              aria-describedby="desk-answer-count"
              data-testid="desk-answer"
            />
          </label>
          <Counter id="desk-answer-count" value={answer} max={BODY_MAX} />
          <div className="actions">
            <button
              type="submit"
              className="btn primary"
              disabled={busy || !answer.trim()}
              data-testid="desk-send"
            >
              {t('desk.sendAnswer')}
            </button>
            <button
              type="button"
              className="btn secondary"
              disabled={busy}
              onClick={() => void act(() => supportDesk.close(id), t('desk.closed'))}
              data-testid="desk-close"
            >
              {t('desk.close')}
            </button>
          </div>
        </form>
      )}
      {done && <Notice kind="success">{done}</Notice>}
      <ErrorBox error={error} inline />
    </div>
  );
}
