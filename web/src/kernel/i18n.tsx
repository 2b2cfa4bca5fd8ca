import { App as AntApp, ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';
import enUS from 'antd/es/locale/en_US';
import zhCNLocale from 'antd/es/locale/zh_CN';
import zhTWLocale from 'antd/es/locale/zh_TW';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, zhCN, type MessageKey } from '../messages';
import { regionTimeZone } from './time';
import { isVocabulary, termOf, valuesOf, type ValueIn, type VocabularyId } from './vocabulary';
import { TAIWAN_USAGE } from './vocabularies';

export const LANGS = ['zh-CN', 'zh-TW', 'en'] as const;
export type Lang = (typeof LANGS)[number];
/** The prefix of a coded value's labels in the dictionaries (`role.member`…), for the sets the server does not declare as vocabularies. */
export type EnumNamespace = string;

const STORAGE_KEY = 'gongjian.lang';

export function storedLang(): Lang {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return (LANGS as readonly string[]).includes(value ?? '') ? (value as Lang) : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

type Convert = (text: string) => string;
let traditional: Convert | null = null;
let loading: Promise<Convert> | null = null;

/**
 * The OpenCC dictionaries are about a megabyte, so they are a separate chunk
 * fetched only by those who read Traditional characters. Taiwan's phrases,
 * then the platform's words the server also uses (TAIWAN_USAGE).
 */
export function loadTraditional(): Promise<Convert> {
  loading ??= import('opencc-js/cn2t').then((OpenCC) => {
    const phrases = OpenCC.Converter({ from: 'cn', to: 'twp' });
    const usage = OpenCC.CustomConverter(TAIWAN_USAGE.map(([a, b]) => [a, b]));
    const convert = (text: string) => usage(phrases(text));
    const cache = new Map<string, string>();
    traditional = (text) => {
      let out = cache.get(text);
      if (out === undefined) {
        out = convert(text);
        cache.set(text, out);
      }
      return out;
    };
    return traditional;
  });
  return loading;
}

const ANTD_LOCALES: Record<Lang, Locale> = { 'zh-CN': zhCNLocale, 'zh-TW': zhTWLocale, en: enUS };

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => Promise<void>;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** Text that came from the server (names, labels): Chinese as stored, Traditional when zh-TW is chosen. */
  tx: (text: string | null | undefined) => string;
  /**
   * A coded value's label: for a server vocabulary, its term in this language;
   * otherwise English from the dictionary, Chinese from the server's label where it sent one.
   */
  enumLabel: (ns: VocabularyId | EnumNamespace, key: string | null | undefined, serverLabel?: string | null) => string;
  /** A vocabulary's values (all, or those given) as select options, labelled in this language. */
  enumOptions: <I extends VocabularyId>(id: I, values?: readonly ValueIn<I>[]) => { value: ValueIn<I>; label: string }[];
  formatDateTime: (iso: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

function interpolate(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (name in vars ? String(vars[name]) : all));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const initial = storedLang();
  // main.tsx loads the converter before the first render when zh-TW was stored.
  const [lang, setLangState] = useState<Lang>(initial === 'zh-TW' && !traditional ? 'zh-CN' : initial);

  const setLang = useCallback(async (next: Lang) => {
    if (next === 'zh-TW') await loadTraditional();
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this visit.
    }
    setLangState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const convert: Convert = lang === 'zh-TW' && traditional ? traditional : (text) => text;
    const dict: Record<string, string> = lang === 'en' ? en : zhCN;
    const lookup = (key: string): string | undefined => {
      const text = dict[key];
      return text === undefined ? undefined : lang === 'en' ? text : convert(text);
    };
    // Moments read as the region's wall clock, like the forms that take them; the zone arrives with /api/meta.
    const formats = new Map<string, Intl.DateTimeFormat>();
    const dateFormat = (timeZone: string) => {
      const made =
        formats.get(timeZone) ??
        new Intl.DateTimeFormat(lang, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone });
      formats.set(timeZone, made);
      return made;
    };
    const vocabularyLabel = (id: VocabularyId, value: string) => {
      const term = termOf(id, value);
      if (!term) return value;
      return lang === 'en' ? term.en : lang === 'zh-TW' && term.tw ? term.tw : convert(term.zh);
    };
    return {
      lang,
      setLang,
      t: (key, vars) => interpolate(lookup(key) ?? key, vars),
      tx: (text) => (text ? convert(text) : ''),
      enumLabel: (ns, key, serverLabel) => {
        if (!key) return '';
        if (isVocabulary(ns)) return vocabularyLabel(ns, key);
        const fromDict = lookup(`${ns}.${key}`);
        if (lang === 'en') return fromDict ?? serverLabel ?? key;
        return serverLabel ? convert(serverLabel) : (fromDict ?? key);
      },
      enumOptions: (id, values) => (values ?? valuesOf(id)).map((value) => ({ value, label: vocabularyLabel(id, value) })),
      formatDateTime: (iso) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dateFormat(regionTimeZone()).format(date);
      },
    };
  }, [lang, setLang]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${value.t('app.name')} · ${value.t('app.tagline')}`;
  }, [lang, value]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={ANTD_LOCALES[lang]} theme={{ token: { colorPrimary: '#c8161d', borderRadius: 6 } }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
