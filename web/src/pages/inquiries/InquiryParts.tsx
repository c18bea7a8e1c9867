import type { InquiryMessage, InquiryStatus } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useDates } from '../../lib/dates.ts';
import './inquiries.css';

export const BODY_MAX = 2000;
export const TITLE_MAX = 100;
export const CATEGORIES = ['BOOKING', 'PAYMENT', 'CANCEL', 'TICKET', 'ACCOUNT', 'OTHER'] as const;

/** The status as a badge: 답변 대기 / 답변 완료 / 종료. */
export function StatusBadge({ status }: { status: InquiryStatus }) {
  const { t } = useI18n();
  return (
    <span className={`inquiry-status status-${status.toLowerCase()}`} data-testid="inquiry-status">
      {t(`inq.status.${status}`)}
    </span>
  );
}

/**
 * The thread as bubbles: the viewer's side on the right. Bodies are text nodes (React escapes
 * them; never HTML), with line breaks kept by `white-space: pre-wrap`.
 */
export function MessageThread({
  messages,
  viewer,
}: {
  messages: InquiryMessage[];
  viewer: 'buyer' | 'staff';
}) {
  const { t } = useI18n();
  const dates = useDates();
  return (
    <ol className="inquiry-thread" aria-label={t('inq.messages')} data-testid="inquiry-thread">
      {messages.map((m) => {
        const mine = viewer === 'staff' ? m.author.staff : !m.author.staff;
        const who = m.author.staff ? t('inq.staff') : viewer === 'buyer' ? t('inq.me') : m.author.nickname;
        return (
          <li
            key={m.id}
            className={`bubble ${mine ? 'mine' : ''} ${m.author.staff ? 'staff' : 'buyer'}`}
            data-testid={m.author.staff ? 'staff-message' : 'buyer-message'}
          >
            <p className="bubble-author">{who}</p>
            <p className="bubble-body">{m.body}</p>
            <time dateTime={m.createdAt}>{dates.dayTime(m.createdAt)}</time>
          </li>
        );
      })}
    </ol>
  );
}

/** "12/2000자" under a text box. */
export function Counter({ id, value, max }: { id: string; value: string; max: number }) {
  const { t } = useI18n();
  const count = Array.from(value).length;
  return (
    <p id={id} className="inquiry-counter" aria-live="polite">
      {t('inq.counter', { count, max })}
    </p>
  );
}
