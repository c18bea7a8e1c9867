import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatDay, formatDayTime } from '../lib/dates.ts';
import { DICTIONARIES, type Key, type Lang } from './dict.ts';

const STORAGE_KEY = 'ct.lang';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** The phrase for `key`, with `{name}` placeholders filled from `vars`. */
  t: (key: Key, vars?: Record<string, string | number>) => string;
  price: (krw: number) => string;
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
  number: (n: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ko';
  } catch {
    return 'ko';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[lang];
    const locale = lang === 'ko' ? 'ko-KR' : 'en-US';
    const numberFormat = new Intl.NumberFormat(locale);
    // Every date on the site carries its weekday, in Korea time (web/src/lib/dates.ts).
    const safe = (format: (x: string) => string, iso: string): string =>
      Number.isNaN(new Date(iso).getTime()) ? iso : format(iso);
    return {
      lang,
      setLang,
      t: (key, vars) => {
        let text: string = dict[key];
        for (const [name, v] of Object.entries(vars ?? {})) text = text.replaceAll(`{${name}}`, String(v));
        return text;
      },
      price: (krw) => (lang === 'ko' ? `${numberFormat.format(krw)}원` : `₩${numberFormat.format(krw)}`),
      date: (iso) => safe((x) => formatDay(x, lang, true), iso),
      dateTime: (iso) => safe((x) => formatDayTime(x, lang, true), iso),
      number: (n) => numberFormat.format(n),
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
