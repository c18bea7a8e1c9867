import { useState } from 'react';
import { notifications } from '../api/endpoints.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync, useTitle } from '../lib/hooks.ts';
import { useNotifications } from '../lib/notifications.tsx';
import { Empty, ErrorBox, Loading } from '../components/States.tsx';
import { NotificationRow } from '../components/NotificationBell.tsx';
import { Pager } from '../components/Pager.tsx';

const SIZE = 20;

/** 알림: every in-app notification, newest first, with an unread-only filter. */
export default function MyNotifications() {
  const { t } = useI18n();
  useTitle(t('nav.notifications'));
  const { unreadCount, recent, markAllRead, readVersion } = useNotifications();
  const [page, setPage] = useState(1);
  const [unread, setUnread] = useState(false);
  // Reloaded when something arrives live or the count changes, and again once a "read" is stored:
  // the count drops optimistically, so the load it starts may read the list before the write.
  const { data, error, loading } = useAsync(
    () => notifications.page(page, SIZE, unread),
    [page, unread, unreadCount, recent[0]?.id, readVersion],
  );
  const pages = data ? Math.ceil(data.total / SIZE) : 0;
  return (
    <div className="stack narrow">
      <h1>{t('nav.notifications')}</h1>
      <div className="notif-toolbar">
        <label className="check">
          <input
            type="checkbox"
            checked={unread}
            onChange={(e) => {
              setUnread(e.target.checked);
              setPage(1);
            }}
          />{' '}
          {t('notif.onlyUnread')}
        </label>
        <button
          type="button"
          className="btn secondary"
          disabled={unreadCount === 0}
          onClick={() => void markAllRead().catch(() => undefined)}
        >
          {t('notif.markAll')}
        </button>
      </div>
      {loading && !data && <Loading />}
      {error !== undefined && <ErrorBox error={error} />}
      {data?.items.length === 0 && (
        <Empty>
          <p>{unread ? t('notif.emptyUnread') : t('notif.empty')}</p>
        </Empty>
      )}
      <ul className="notif-list" data-testid="notifications">
        {data?.items.map((item) => (
          <NotificationRow key={item.id} item={item} />
        ))}
      </ul>
      <Pager page={page} pages={pages} onPage={setPage} />
    </div>
  );
}
