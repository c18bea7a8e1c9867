import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { inquiries } from '../../api/endpoints.ts';
import { ErrorBox, Loading } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useAsync, useTitle } from '../../lib/hooks.ts';
import { BODY_MAX, Counter, MessageThread, StatusBadge } from './InquiryParts.tsx';

/** One inquiry: the thread (buyer vs 고객센터), a reply box, and closing it. */
export default function InquiryPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const thread = useAsync(() => inquiries.get(id), [id]);
  useTitle(thread.data?.title ?? t('nav.inquiries'));
  const [reply, setReply] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  if (thread.loading && !thread.data) return <Loading />;
  if (thread.error !== undefined) return <ErrorBox error={thread.error} onRetry={thread.reload} />;
  const inquiry = thread.data!;

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
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
    if (!reply.trim()) return;
    void act(() => inquiries.say(id, reply)).then((ok) => ok && setReply(''));
  };

  const close = () => {
    if (window.confirm(t('inq.closeConfirm'))) void act(() => inquiries.close(id));
  };

  return (
    <div className="stack narrow">
      <Link to="/me/inquiries" className="small">
        ← {t('inq.back')}
      </Link>
      <div className="inquiry-meta">
        <StatusBadge status={inquiry.status} />
        <span>{t(`inq.cat.${inquiry.category}`)}</span>
        {inquiry.bookingNumber && <span>{t('inq.bookingNumber', { number: inquiry.bookingNumber })}</span>}
      </div>
      <h1 data-testid="inquiry-title-shown">{inquiry.title}</h1>
      <MessageThread messages={inquiry.messages} viewer="buyer" />
      {inquiry.status === 'CLOSED' && <p className="small muted">{t('inq.closedNote')}</p>}
      <form className="stack inquiry-form" onSubmit={send} noValidate>
        <label>
          {t('inq.reply')}
          <textarea
            value={reply}
            maxLength={BODY_MAX}
            rows={4}
            placeholder={t('inq.replyPlaceholder')}
            onChange={(e) => setReply(e.target.value)}
            aria-describedby="inquiry-reply-count"
            data-testid="inquiry-reply"
          />
        </label>
        <Counter id="inquiry-reply-count" value={reply} max={BODY_MAX} />
        <ErrorBox error={error} inline />
        <div className="actions">
          <button
            type="submit"
            className="btn primary"
            disabled={busy || !reply.trim()}
            data-testid="inquiry-send"
          >
            {t('inq.send')}
          </button>
          {inquiry.status !== 'CLOSED' && (
            <button
              type="button"
              className="btn secondary"
              disabled={busy}
              onClick={close}
              data-testid="inquiry-close"
            >
              {t('inq.close')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
