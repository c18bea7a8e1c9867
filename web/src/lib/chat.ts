import { useCallback, useEffect, useRef, useState } from 'react';
import { API_BASE, ApiError, getAccessToken, refreshSession, type Problem } from '../api/client.ts';
import { chat } from '../api/endpoints.ts';
import type { ChatMessage } from '../api/types.ts';

/** Close codes the server uses (docs/chat.md). */
const CLOSE_UNAUTHORIZED = 4401;
const CLOSE_NOT_FOUND = 4404;

export type ChatStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';

/** A message this page sent that the server has not answered yet. */
export interface PendingMessage {
  clientId: string;
  text: string;
  imageUrl?: string;
  error?: ApiError;
}

export interface ChatRoom {
  /** Oldest first, newest last, no duplicates (ordered by id). */
  messages: ChatMessage[];
  pending: PendingMessage[];
  status: ChatStatus;
  online: number | null;
  /** More history above the oldest loaded message. */
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder: () => Promise<void>;
  send: (text: string, imageUrl?: string) => void;
  retry: (clientId: string) => void;
  /** The last error the socket reported that is not about one message (rate, mute…). */
  notice: ApiError | null;
}

const newClientId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** Inserts by id, keeping the list sorted and free of duplicates. */
function merge(list: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return list;
  const byId = new Map(list.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

function socketUrl(performanceId: string): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${API_BASE}/performances/${performanceId}/chat`;
}

/**
 * A live chat room: history first (GET …/chat/messages), then the WebSocket (token in the first
 * frame). After a drop it reconnects with backoff and resumes from the newest id it holds, so nothing
 * is missed or shown twice; messages are kept ordered by id. Sends carry a client id, so a send
 * repeated after a reconnect is the same message.
 */
export function useChatRoom(performanceId: string, enabled: boolean): ChatRoom {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const [status, setStatus] = useState<ChatStatus>('connecting');
  const [online, setOnline] = useState<number | null>(null);
  const [hasOlder, setHasOlder] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [notice, setNotice] = useState<ApiError | null>(null);
  const socketRef = useRef<WebSocket | null>(null);
  const lastIdRef = useRef(0);
  const oldestRef = useRef<number | null>(null);
  /** History came: a resume from lastId (even 0, an empty room) covers what arrived since. */
  const historyRef = useRef(false);
  const pendingRef = useRef<PendingMessage[]>([]);

  const setPendingBoth = useCallback((next: (p: PendingMessage[]) => PendingMessage[]) => {
    pendingRef.current = next(pendingRef.current);
    setPending(pendingRef.current);
  }, []);

  const take = useCallback((incoming: ChatMessage[]) => {
    for (const m of incoming) if (m.id > lastIdRef.current) lastIdRef.current = m.id;
    setMessages((list) => merge(list, incoming));
  }, []);

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setMessages([]);
    lastIdRef.current = 0;
    oldestRef.current = null;
    historyRef.current = false;

    const sendFrame = (frame: object) => {
      const ws = socketRef.current;
      if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame));
    };

    const connect = () => {
      if (stopped) return;
      const ws = new WebSocket(socketUrl(performanceId));
      socketRef.current = ws;
      ws.onopen = () => ws.send(JSON.stringify({ type: 'auth', token: getAccessToken() ?? '' }));
      ws.onmessage = (event) => {
        let frame: { type: string; [k: string]: unknown };
        try {
          frame = JSON.parse(String(event.data));
        } catch {
          return;
        }
        switch (frame.type) {
          case 'ready': {
            attempt = 0;
            setStatus('live');
            // Resume from the newest message held (after a drop), or start live from here.
            if (historyRef.current || lastIdRef.current > 0)
              sendFrame({ type: 'resume', afterId: lastIdRef.current });
            // Messages this page sent that were not answered go again, with the same client ids.
            for (const p of pendingRef.current) {
              if (!p.error)
                sendFrame({ type: 'message', text: p.text, clientId: p.clientId, imageUrl: p.imageUrl });
            }
            break;
          }
          case 'message': {
            const { type: _type, ...m } = frame as unknown as ChatMessage & { type: string };
            take([m as ChatMessage]);
            setPendingBoth((list) => list.filter((p) => p.clientId !== m.clientId));
            break;
          }
          case 'deleted':
            setMessages((list) => list.filter((m) => m.id !== frame.id));
            break;
          case 'presence':
            setOnline(Number(frame.online));
            break;
          case 'error': {
            // Error frames carry a code from the error table but no status; a 429's wait is worded.
            const err = new ApiError({
              ...(frame as unknown as Problem),
              status: frame.code === 'CHAT_RATE_LIMITED' ? 429 : 400,
            });
            if (typeof frame.clientId === 'string') {
              setPendingBoth((list) =>
                list.map((p) => (p.clientId === frame.clientId ? { ...p, error: err } : p)),
              );
            } else {
              setNotice(err);
            }
            break;
          }
        }
      };
      ws.onclose = (event) => {
        if (socketRef.current === ws) socketRef.current = null;
        if (stopped) return;
        if (event.code === CLOSE_NOT_FOUND) {
          setStatus('closed');
          return;
        }
        setStatus('reconnecting');
        attempt += 1;
        const delay = Math.min(15_000, 500 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random() / 2);
        timer = setTimeout(() => {
          // An expired access token: refresh it before the next try.
          const before = event.code === CLOSE_UNAUTHORIZED ? refreshSession() : Promise.resolve(true);
          void before.then(connect, connect);
        }, delay);
      };
    };

    void (async () => {
      try {
        const page = await chat.history(performanceId);
        if (stopped) return;
        take(page.items);
        historyRef.current = true;
        oldestRef.current = page.items[0]?.id ?? null;
        setHasOlder(page.nextBefore !== null);
      } catch {
        // The socket's replay fills in; history on scroll tries again.
      }
      connect();
    })();

    return () => {
      stopped = true;
      clearTimeout(timer);
      socketRef.current?.close(1000);
      socketRef.current = null;
    };
  }, [performanceId, enabled, take, setPendingBoth]);

  const loadOlder = useCallback(async () => {
    if (loadingOlder || oldestRef.current === null) return;
    setLoadingOlder(true);
    try {
      const page = await chat.history(performanceId, oldestRef.current);
      take(page.items);
      oldestRef.current = page.items[0]?.id ?? oldestRef.current;
      setHasOlder(page.nextBefore !== null);
    } finally {
      setLoadingOlder(false);
    }
  }, [performanceId, loadingOlder, take]);

  const send = useCallback(
    (text: string, imageUrl?: string) => {
      const p: PendingMessage = { clientId: newClientId(), text, ...(imageUrl ? { imageUrl } : {}) };
      setPendingBoth((list) => [...list, p]);
      setNotice(null);
      const ws = socketRef.current;
      if (ws && ws.readyState === WebSocket.OPEN) {
        ws.send(
          JSON.stringify({ type: 'message', text: p.text, clientId: p.clientId, imageUrl: p.imageUrl }),
        );
      }
    },
    [setPendingBoth],
  );

  const retry = useCallback(
    (clientId: string) => {
      const p = pendingRef.current.find((x) => x.clientId === clientId);
      if (!p) return;
      setPendingBoth((list) => list.filter((x) => x.clientId !== clientId));
      send(p.text, p.imageUrl);
    },
    [send, setPendingBoth],
  );

  return { messages, pending, status, online, hasOlder, loadingOlder, loadOlder, send, retry, notice };
}
