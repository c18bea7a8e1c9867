import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { assistant } from '../api/endpoints.ts';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/messages.ts';
import type { AssistantCard } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import type { Key } from '../i18n/dict.ts';
import { askAssistant } from '../lib/assistant.ts';
import { useSession } from '../lib/session.tsx';

interface Turn {
  role: 'user' | 'assistant';
  text: string;
  cards: AssistantCard[];
  /** An error to show under the turn, in words. */
  error?: string;
  pending?: boolean;
}

const SUGGESTIONS: Key[] = ['assistant.q1', 'assistant.q2', 'assistant.q3', 'assistant.q4'];
const STORED = 'ct.assistant.conversation';

/**
 * The AI assistant: a header button (shown only when the server has a model configured) that opens a
 * panel. Answers stream in as plain text (React escapes it; nothing is parsed as HTML or markdown) and
 * end with the cards the server derived from what it looked up, as links to the show or showtime.
 */
export function AssistantPanel() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const [available, setAvailable] = useState(false);
  const [open, setOpen] = useState(false);
  const [turns, setTurns] = useState<Turn[]>([]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [left, setLeft] = useState<number | undefined>();
  const conversation = useRef<string | undefined>(sessionStorage.getItem(STORED) ?? undefined);
  const abort = useRef<AbortController | null>(null);
  const logRef = useRef<HTMLOListElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    let live = true;
    assistant
      .status()
      .then((s) => {
        if (!live) return;
        setAvailable(s.available);
        setLeft(s.remainingToday);
      })
      .catch(() => live && setAvailable(false));
    return () => {
      live = false;
    };
  }, [user?.id]);

  // Reopened after a reload: the conversation of this tab comes back.
  useEffect(() => {
    if (!open || !user || turns.length > 0 || !conversation.current) return;
    assistant
      .conversation(conversation.current)
      .then((c) => setTurns(c.messages.map((m) => ({ role: m.role, text: m.text, cards: m.cards }))))
      .catch(() => {
        conversation.current = undefined;
        sessionStorage.removeItem(STORED);
      });
  }, [open, user, turns.length]);

  useEffect(() => {
    if (!open) return;
    inputRef.current?.focus();
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('keydown', esc);
    return () => document.removeEventListener('keydown', esc);
  }, [open]);

  useEffect(() => {
    logRef.current?.lastElementChild?.scrollIntoView?.({ block: 'end' });
  }, [turns]);

  useEffect(() => () => abort.current?.abort(), []);

  if (!available) return null;

  const update = (fn: (last: Turn) => Turn) =>
    setTurns((list) => [...list.slice(0, -1), fn(list[list.length - 1]!)]);

  const sendQuestion = async (question: string) => {
    const q = question.trim();
    if (!q || busy) return;
    setText('');
    setBusy(true);
    setTurns((list) => [
      ...list,
      { role: 'user', text: q, cards: [] },
      { role: 'assistant', text: '', cards: [], pending: true },
    ]);
    const controller = new AbortController();
    abort.current = controller;
    const remember = (id: string | undefined) => {
      if (!id) return;
      conversation.current = id;
      sessionStorage.setItem(STORED, id);
    };
    try {
      await askAssistant(
        { text: q, ...(conversation.current ? { conversationId: conversation.current } : {}) },
        {
          onDelta: (piece) => update((last) => ({ ...last, text: last.text + piece })),
          onDone: ({ conversationId, cards }) => {
            remember(conversationId);
            update((last) => ({ ...last, cards, pending: false }));
          },
          onError: ({ code, conversationId }) => {
            remember(conversationId);
            update((last) => ({
              ...last,
              pending: false,
              error: errorMessage(new ApiError({ status: 503, code }), lang),
            }));
          },
        },
        controller.signal,
      );
      setLeft((n) => (n === undefined ? n : Math.max(0, n - 1)));
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      const daily = err instanceof ApiError && err.code === 'RATE_LIMITED' && err.problem.limit === 'daily';
      if (err instanceof ApiError && err.code === 'CONVERSATION_NOT_FOUND') {
        conversation.current = undefined;
        sessionStorage.removeItem(STORED);
      }
      if (daily) setLeft(0);
      const message = daily
        ? t('assistant.daily')
        : err instanceof ApiError
          ? errorMessage(err, lang)
          : errorMessage(new ApiError({ status: 503, code: 'ASSISTANT_UNAVAILABLE' }), lang);
      update((last) => ({ ...last, pending: false, error: message }));
    } finally {
      setBusy(false);
      abort.current = null;
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void sendQuestion(text);
  };

  const reset = () => {
    abort.current?.abort();
    conversation.current = undefined;
    sessionStorage.removeItem(STORED);
    setTurns([]);
    setBusy(false);
  };

  return (
    <div className="assistant">
      <button
        type="button"
        className="assistant-button"
        aria-expanded={open}
        aria-controls="assistant-panel"
        data-testid="assistant-open"
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">✦</span> {t('assistant.open')}
      </button>
      {open && (
        <section
          id="assistant-panel"
          className="assistant-panel"
          role="dialog"
          aria-labelledby="assistant-title"
        >
          <div className="assistant-head">
            <h2 id="assistant-title">{t('assistant.title')}</h2>
            <div className="assistant-head-actions">
              {turns.length > 0 && (
                <button type="button" className="link" onClick={reset}>
                  {t('assistant.new')}
                </button>
              )}
              <button type="button" className="link" onClick={() => setOpen(false)}>
                {t('assistant.close')}
              </button>
            </div>
          </div>
          {!user ? (
            <p>
              {t('assistant.signIn')}{' '}
              <Link to="/login" onClick={() => setOpen(false)}>
                {t('assistant.login')}
              </Link>
            </p>
          ) : (
            <>
              {turns.length === 0 && (
                <div className="assistant-intro">
                  <p className="muted">{t('assistant.intro')}</p>
                  <h3>{t('assistant.suggested')}</h3>
                  <ul className="assistant-suggestions">
                    {SUGGESTIONS.map((key) => (
                      <li key={key}>
                        <button type="button" className="chip" onClick={() => void sendQuestion(t(key))}>
                          {t(key)}
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <ol
                className="assistant-log"
                ref={logRef}
                aria-busy={busy}
                aria-live="polite"
                data-testid="assistant-log"
              >
                {turns.map((turn, i) => (
                  <li
                    key={i}
                    className={`assistant-turn ${turn.role}`}
                    data-testid={`assistant-${turn.role}`}
                  >
                    <span className="sr-only">
                      {turn.role === 'user' ? t('assistant.you') : t('assistant.bot')}:{' '}
                    </span>
                    {/* Text only: React escapes it, and white-space keeps its line breaks. */}
                    {turn.text && <p className="assistant-text">{turn.text}</p>}
                    {turn.pending && !turn.text && <p className="muted">{t('assistant.thinking')}</p>}
                    {turn.error && (
                      <p className="assistant-error" role="alert">
                        {turn.error}
                      </p>
                    )}
                    {turn.cards.length > 0 && (
                      <ul className="assistant-cards" aria-label={t('assistant.links')}>
                        {turn.cards.map((card) => (
                          <li key={card.link}>
                            <Link to={card.link} className="assistant-card" onClick={() => setOpen(false)}>
                              <strong>{card.title}</strong>
                              <span>{card.subtitle}</span>
                            </Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ol>
              <form className="assistant-form" onSubmit={submit}>
                <label htmlFor="assistant-input" className="sr-only">
                  {t('assistant.input')}
                </label>
                <textarea
                  id="assistant-input"
                  ref={inputRef}
                  rows={2}
                  maxLength={1000}
                  value={text}
                  placeholder={t('assistant.placeholder')}
                  onChange={(e) => setText(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                      e.preventDefault();
                      void sendQuestion(text);
                    }
                  }}
                />
                <button type="submit" className="btn" disabled={busy || !text.trim()}>
                  {t('assistant.send')}
                </button>
              </form>
              <p className="assistant-note muted">
                {left !== undefined && `${t('assistant.left', { count: left })} `}
                {t('assistant.note')}
              </p>
            </>
          )}
        </section>
      )}
    </div>
  );
}
