import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { catalog } from '../api/endpoints.ts';
import type { Suggestion } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import '../discovery.css';
import { posterSources } from './posterSources.ts';

/**
 * The search box with suggestions while typing: an ARIA 1.2 combobox. Suggestions come from
 * GET /search/suggestions (prefix, 초성, typos) 150 ms after the last key; ↑/↓ choose, Enter opens the
 * chosen performance (or searches the text), Escape closes the list.
 */
export function SearchBox({ initial = '', big = false }: { initial?: string; big?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const id = useId();
  const listId = `${id}-list`;
  const [value, setValue] = useState(initial);
  const [items, setItems] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  /** A newer query than the shown suggestions answer is on its way (the listbox says aria-busy). */
  const [busy, setBusy] = useState(false);
  const typed = useRef(false);
  /** The query the shown suggestions answer: a fresh answer to the same query keeps the selection. */
  const shownFor = useRef('');

  useEffect(() => setValue(initial), [initial]);

  useEffect(() => {
    if (!typed.current) return;
    const q = value.trim();
    if (!q) {
      setItems([]);
      setBusy(false);
      return;
    }
    if (shownFor.current !== q) setBusy(true);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      catalog
        .suggestions(q, controller.signal)
        .then((list) => {
          setItems(list);
          if (shownFor.current !== q) setActive(-1);
          shownFor.current = q;
          setBusy(false);
          setOpen(true);
        })
        .catch(() => undefined); // suggestions are a help, never an error on the page
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [value]);

  const expanded = open && items.length > 0;
  /**
   * Leaving for a page: the suggestions are done. Forgotten, so focusing the box there does not show
   * them again, and the box taking the page's query is not typing (no new suggestions pop open).
   */
  const leave = (to: string): void => {
    typed.current = false;
    shownFor.current = '';
    setOpen(false);
    setItems([]);
    setActive(-1);
    setBusy(false);
    navigate(to);
  };
  const choose = (s: Suggestion): void => leave(`/performances/${s.performanceId}`);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const q = value.trim();
    if (expanded && active >= 0 && items[active]) return choose(items[active]);
    leave(q ? `/search?q=${encodeURIComponent(q)}` : '/search');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (items.length === 0) return;
      e.preventDefault();
      setOpen(true);
      // ↓ past the last option returns to the text (-1); ↑ from the text goes to the last option.
      const last = items.length - 1;
      if (e.key === 'ArrowDown') setActive((a) => (!expanded || a >= last ? (expanded ? -1 : 0) : a + 1));
      else setActive((a) => (a <= -1 || !expanded ? last : a - 1));
    } else if (e.key === 'Escape') {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      }
    }
  };
  const activeIndex = active >= items.length ? -1 : active;

  return (
    <form role="search" onSubmit={submit} className={`searchbox${big ? ' big' : ''}`}>
      <label htmlFor={`${id}-q`} className="sr-only">
        {t('search.query')}
      </label>
      <div className="searchbox-field">
        <input
          id={`${id}-q`}
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && activeIndex >= 0 ? `${id}-opt-${activeIndex}` : undefined}
          autoComplete="off"
          enterKeyHint="search"
          value={value}
          placeholder={t('discover.searchPlaceholder')}
          onChange={(e) => {
            typed.current = true;
            setValue(e.target.value);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => items.length > 0 && setOpen(true)}
          onBlur={() => setOpen(false)}
        />
        <button type="submit" className="btn searchbox-go">
          {t('nav.search')}
        </button>
        <ul
          id={listId}
          role="listbox"
          aria-label={t('discover.suggestions')}
          className="suggestions"
          aria-busy={busy}
          hidden={!expanded}
        >
          {items.map((s, i) => (
            <li
              key={s.performanceId}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === activeIndex}
              className={i === activeIndex ? 'active' : undefined}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(s);
              }}
            >
              <img
                src={posterSources(s.posterUrl)?.src(64) ?? s.posterUrl}
                alt=""
                width={32}
                height={44}
                loading="lazy"
              />
              <span className="suggestion-title">{s.title}</span>
              <span className="suggestion-genre">{s.category.name}</span>
            </li>
          ))}
        </ul>
      </div>
      <p className="sr-only" aria-live="polite">
        {expanded ? t('discover.suggestionCount', { count: items.length }) : ''}
      </p>
    </form>
  );
}
