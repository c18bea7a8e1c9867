import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { chat } from '../../api/endpoints.ts';
import { errorMessage } from '../../api/messages.ts';
import type { ChatMembers } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useChatRoom } from '../../lib/chat.ts';
import { formatTime } from '../../lib/dates.ts';
import { useSession } from '../../lib/session.tsx';
import './chat.css';

const MAX_TEXT = 500;

/**
 * The 채팅 tab: the performance's live room. Signed-out visitors see a sign-in prompt. Messages are
 * text (React escapes them; nothing is rendered as HTML) and images we stored; own messages sit on
 * the right; scrolling to the top loads older ones; a report button on others' messages, a delete
 * button for admins.
 */
export function ChatTab({ performanceId }: { performanceId: string }) {
  const { user, ready } = useSession();
  const { t } = useI18n();
  const location = useLocation();
  if (!ready) return null;
  if (!user) {
    const next = `${location.pathname}?tab=chat`;
    return (
      <div className="state empty chat-signin" data-testid="chat-signin">
        <p className="reviews-title">{t('chat.signInTitle')}</p>
        <p className="small">{t('chat.signInHint')}</p>
        <Link className="btn" to={`/login?next=${encodeURIComponent(next)}`}>
          {t('chat.signIn')}
        </Link>
      </div>
    );
  }
  return <ChatRoomView performanceId={performanceId} userId={user.id} isAdmin={user.role === 'ADMIN'} />;
}

function ChatRoomView({
  performanceId,
  userId,
  isAdmin,
}: {
  performanceId: string;
  userId: string;
  isAdmin: boolean;
}) {
  const { t, lang } = useI18n();
  const room = useChatRoom(performanceId, true);
  const [text, setText] = useState('');
  const [image, setImage] = useState<{ url: string; name: string } | null>(null);
  const [uploading, setUploading] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  const [members, setMembers] = useState<ChatMembers | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const stickRef = useRef(true);
  const heightRef = useRef(0);

  useEffect(() => {
    let live = true;
    const load = () =>
      chat
        .members(performanceId)
        .then((m) => live && setMembers(m))
        .catch(() => undefined);
    void load();
    const timer = setInterval(load, 30_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [performanceId]);

  // Keep the view at the bottom for new messages (when already there), and in place when older ones
  // are put above.
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    if (stickRef.current) el.scrollTop = el.scrollHeight;
    else if (el.scrollHeight > heightRef.current && el.scrollTop < 40) {
      el.scrollTop += el.scrollHeight - heightRef.current;
    }
    heightRef.current = el.scrollHeight;
  }, [room.messages, room.pending]);

  const onScroll = () => {
    const el = listRef.current;
    if (!el) return;
    stickRef.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    if (el.scrollTop < 40 && room.hasOlder && !room.loadingOlder) void room.loadOlder();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = text.trim();
    if (!body && !image) return;
    stickRef.current = true;
    room.send(body, image?.url);
    setText('');
    setImage(null);
  };

  const attach = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    setFlash(null);
    try {
      const { url } = await chat.uploadImage(file);
      setImage({ url, name: file.name });
    } catch (err) {
      setFlash(errorMessage(err, lang));
    } finally {
      setUploading(false);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const report = async (id: number) => {
    try {
      await chat.report(id);
      setFlash(t('chat.reported'));
    } catch (err) {
      setFlash(errorMessage(err, lang));
    }
  };

  const remove = async (id: number) => {
    if (!window.confirm(t('chat.deleteConfirm'))) return;
    try {
      await chat.remove(id);
    } catch (err) {
      setFlash(errorMessage(err, lang));
    }
  };

  const toggleMembership = async () => {
    try {
      if (members?.member) await chat.leave(performanceId);
      else await chat.join(performanceId);
      setMembers(await chat.members(performanceId));
    } catch (err) {
      setFlash(errorMessage(err, lang));
    }
  };

  return (
    <section className="chat" aria-labelledby="chat-h" data-testid="chat">
      <header className="chat-head">
        <h2 id="chat-h">{t('chat.title')}</h2>
        <p className="muted small" data-testid="chat-online">
          {room.online !== null ? t('chat.online', { count: room.online }) : ''}
          {members ? ` · ${t('chat.members', { count: members.total })}` : ''}
        </p>
        <button
          type="button"
          className="btn small secondary"
          aria-pressed={members?.member ?? false}
          onClick={() => void toggleMembership()}
        >
          {members?.member ? t('chat.joined') : t('chat.join')}
        </button>
      </header>
      {room.status === 'reconnecting' && (
        <p className="chat-status" role="status">
          {t('chat.reconnecting')}
        </p>
      )}
      {room.status === 'closed' && (
        <p className="chat-status" role="status">
          {t('chat.unavailable')}
        </p>
      )}
      <div
        className="chat-log"
        ref={listRef}
        onScroll={onScroll}
        role="log"
        aria-live="polite"
        aria-label={t('chat.log')}
        tabIndex={0}
        data-testid="chat-log"
      >
        {room.hasOlder && (
          <button
            type="button"
            className="btn small secondary chat-older"
            disabled={room.loadingOlder}
            onClick={() => void room.loadOlder()}
          >
            {t('chat.older')}
          </button>
        )}
        {room.messages.length === 0 && room.pending.length === 0 && (
          <p className="muted small chat-empty">{t('chat.empty')}</p>
        )}
        <ul className="chat-messages">
          {room.messages.map((m) => {
            const mine = m.author.id === userId;
            return (
              <li key={m.id} className={mine ? 'chat-msg mine' : 'chat-msg'} data-testid="chat-message">
                {!mine && <span className="chat-author">{m.author.nickname}</span>}
                <div className="chat-bubble">
                  {m.imageUrl && (
                    <img className="chat-image" src={m.imageUrl} alt={t('chat.imageAlt')} loading="lazy" />
                  )}
                  {m.text && <p className="chat-text">{m.text}</p>}
                </div>
                <span className="chat-meta">
                  <time dateTime={m.createdAt}>{formatTime(m.createdAt)}</time>
                  {!mine && (
                    <button type="button" className="chat-action" onClick={() => void report(m.id)}>
                      {t('chat.report')}
                    </button>
                  )}
                  {isAdmin && (
                    <button type="button" className="chat-action danger" onClick={() => void remove(m.id)}>
                      {t('chat.delete')}
                    </button>
                  )}
                </span>
              </li>
            );
          })}
          {room.pending.map((p) => (
            <li key={p.clientId} className="chat-msg mine pending">
              <div className="chat-bubble">{p.text && <p className="chat-text">{p.text}</p>}</div>
              <span className="chat-meta">
                {p.error ? (
                  <>
                    <span className="error-text">{errorMessage(p.error, lang)}</span>
                    <button type="button" className="chat-action" onClick={() => room.retry(p.clientId)}>
                      {t('chat.retry')}
                    </button>
                  </>
                ) : (
                  t('chat.sending')
                )}
              </span>
            </li>
          ))}
        </ul>
      </div>
      {(flash || room.notice) && (
        <p className="chat-flash small" role="status">
          {flash ?? (room.notice ? errorMessage(room.notice, lang) : '')}
        </p>
      )}
      <form className="chat-form" onSubmit={submit}>
        {image && (
          <p className="chat-attached small">
            {t('chat.attached', { name: image.name })}{' '}
            <button type="button" className="chat-action" onClick={() => setImage(null)}>
              {t('chat.removeImage')}
            </button>
          </p>
        )}
        <div className="chat-inputs">
          <label className="btn small secondary chat-attach">
            {uploading ? t('chat.uploading') : t('chat.attach')}
            <input
              ref={fileRef}
              type="file"
              accept="image/jpeg,image/png,image/webp"
              className="sr-only"
              disabled={uploading}
              onChange={(e) => void attach(e.target.files?.[0])}
            />
          </label>
          <label htmlFor="chat-text" className="sr-only">
            {t('chat.input')}
          </label>
          <input
            id="chat-text"
            className="chat-input"
            value={text}
            maxLength={MAX_TEXT}
            placeholder={t('chat.placeholder')}
            autoComplete="off"
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="btn small" disabled={!text.trim() && !image}>
            {t('chat.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
