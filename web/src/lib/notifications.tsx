import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { notifications as api } from '../api/endpoints.ts';
import { readEventStream } from './sse.ts';
import { useSession } from './session.tsx';

export interface NotificationItem {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

interface Notifications {
  /** The newest few, for the header panel. */
  recent: NotificationItem[];
  unreadCount: number;
  /** Whether the live stream is open (otherwise the list refreshes every minute). */
  live: boolean;
  markRead: (ids: string[]) => Promise<void>;
  markAllRead: () => Promise<void>;
  refresh: () => Promise<void>;
  /**
   * Bumped once the server has stored a "read" (the count above changes before, optimistically):
   * a page listing notifications reloads on it, or it could read the list before the write.
   */
  readVersion: number;
}

const RECENT = 10;
const POLL_MS = 60_000;
const NotificationsContext = createContext<Notifications | null>(null);

/**
 * The signed-in user's notifications for the header bell: the newest few and the unread count, kept
 * live by GET /users/me/notifications/stream (read with fetch: EventSource cannot send the token).
 * After every (re)connect the list is loaded again, so what came while disconnected shows up too; a
 * stream that keeps failing leaves a one-minute refresh in its place.
 */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const [recent, setRecent] = useState<NotificationItem[]>([]);
  const [unreadCount, setUnreadCount] = useState(0);
  const [live, setLive] = useState(false);
  const [readVersion, setReadVersion] = useState(0);
  const recentRef = useRef(recent);
  recentRef.current = recent;

  const refresh = useCallback(async () => {
    const page = await api.page(1, RECENT);
    setRecent(page.items);
    setUnreadCount(page.unreadCount);
  }, []);

  useEffect(() => {
    setRecent([]);
    setUnreadCount(0);
    setLive(false);
    if (!user) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const connect = async (): Promise<void> => {
      if (controller.signal.aborted) return;
      try {
        await readEventStream(
          '/users/me/notifications/stream',
          ({ event, data }) => {
            if (event === 'ready') {
              failures = 0;
              setLive(true);
              void refresh().catch(() => undefined);
            } else if (event === 'notification') {
              const item = JSON.parse(data) as NotificationItem;
              setRecent((prev) => [item, ...prev.filter((p) => p.id !== item.id)].slice(0, RECENT));
              setUnreadCount((n) => n + 1);
            }
          },
          controller.signal,
        );
      } catch {
        // Refused (stream limit), cut by a proxy or the network: try again, more slowly each time.
      }
      setLive(false);
      if (controller.signal.aborted) return;
      failures += 1;
      const wait = failures > 5 ? POLL_MS : Math.min(30_000, 1000 * 2 ** failures) + Math.random() * 1000;
      if (failures > 5) void refresh().catch(() => undefined);
      timer = setTimeout(() => void connect(), wait);
    };
    void refresh().catch(() => undefined);
    void connect();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [user, refresh]);

  const markRead = useCallback(
    async (ids: string[]) => {
      const now = new Date().toISOString();
      const unread = recentRef.current.filter((p) => ids.includes(p.id) && !p.readAt).length;
      if (unread > 0) {
        setRecent((prev) => prev.map((p) => (ids.includes(p.id) && !p.readAt ? { ...p, readAt: now } : p)));
        setUnreadCount((n) => Math.max(0, n - unread));
      }
      await api.markRead(ids);
      setReadVersion((v) => v + 1);
      // Ids beyond the newest few change the count too: ask the server.
      if (unread < ids.length) await refresh();
    },
    [refresh],
  );

  const markAllRead = useCallback(async () => {
    const now = new Date().toISOString();
    setRecent((prev) => prev.map((p) => (p.readAt ? p : { ...p, readAt: now })));
    setUnreadCount(0);
    await api.markAllRead();
    setReadVersion((v) => v + 1);
  }, []);

  return (
    <NotificationsContext.Provider
      value={{ recent, unreadCount, live, markRead, markAllRead, refresh, readVersion }}
    >
      {children}
    </NotificationsContext.Provider>
  );
}

export function useNotifications(): Notifications {
  const value = useContext(NotificationsContext);
  if (!value) throw new Error('useNotifications outside NotificationsProvider');
  return value;
}
