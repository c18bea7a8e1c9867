import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { BellIcon } from './BellIcon.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useNotifications, type NotificationItem } from '../lib/notifications.tsx';

/** One notification as a row: a link to where it points (marked read on the way). */
export function NotificationRow({ item, onOpen }: { item: NotificationItem; onOpen?: () => void }) {
  const { t, dateTime } = useI18n();
  const { markRead } = useNotifications();
  const open = () => {
    if (!item.readAt) void markRead([item.id]).catch(() => undefined);
    onOpen?.();
  };
  const content = (
    <>
      <strong>
        {!item.readAt && <span className="notif-dot" aria-label={t('notif.new')} />}
        {item.title}
      </strong>
      <span className="notif-body">{item.body}</span>
      <time dateTime={item.createdAt}>{dateTime(item.createdAt)}</time>
    </>
  );
  return (
    <li className={item.readAt ? 'notif-item' : 'notif-item unread'}>
      {item.link ? (
        <Link to={item.link} onClick={open}>
          {content}
        </Link>
      ) : (
        <button type="button" className="link" onClick={open}>
          {content}
        </button>
      )}
    </li>
  );
}

/** The header bell: unread badge and a panel of the newest notifications. */
export function NotificationBell() {
  const { t } = useI18n();
  const { recent, unreadCount, markAllRead } = useNotifications();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', away);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('mousedown', away);
      document.removeEventListener('keydown', esc);
    };
  }, [open]);
  const label = unreadCount > 0 ? t('notif.unread', { count: unreadCount }) : t('notif.open');
  return (
    <div className="notif-bell" ref={ref}>
      <button
        type="button"
        className="notif-button"
        aria-expanded={open}
        data-testid="notif-bell"
        onClick={() => setOpen(!open)}
      >
        {/* The name is this hidden text; the badge's bare number is for the eye only. */}
        <span className="sr-only">{label}</span>
        <BellIcon size={22} />
        {unreadCount > 0 && (
          <span className="notif-badge" data-testid="notif-badge" aria-hidden="true">
            {unreadCount > 99 ? '99+' : unreadCount}
          </span>
        )}
      </button>
      {open && (
        <div className="notif-panel" role="dialog" aria-label={t('notif.recent')}>
          <div className="notif-panel-head">
            <strong>{t('notif.recent')}</strong>
            <button
              type="button"
              className="link"
              disabled={unreadCount === 0}
              onClick={() => void markAllRead().catch(() => undefined)}
            >
              {t('notif.markAll')}
            </button>
          </div>
          {recent.length === 0 ? (
            <p className="muted">{t('notif.empty')}</p>
          ) : (
            <ul className="notif-list">
              {recent.map((item) => (
                <NotificationRow key={item.id} item={item} onOpen={() => setOpen(false)} />
              ))}
            </ul>
          )}
          <Link to="/me/notifications" className="btn secondary" onClick={() => setOpen(false)}>
            {t('notif.seeAll')}
          </Link>
        </div>
      )}
    </div>
  );
}
