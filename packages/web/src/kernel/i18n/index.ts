/**
 * The i18n runtime: the current language, `useT()`, number formatting in messages. The messages
 * themselves are catalogues (`catalogue.ts`): the shell's in `common.ts`, each feature's in its
 * `messages.ts`, registered once by the shell. Parameters are written `{name}` and numbers passed
 * as parameters are formatted for the language.
 */
import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import { LANGS } from './catalogue';
import type { Catalogue, Lang, MessageKey, Messages } from './catalogue';
import { shellMessages } from './common';

export { defineMessages, LANGS } from './catalogue';
export type { Catalogue, Lang, MessageKey, Messages } from './catalogue';

const dictionaries: Record<Lang, Record<string, string>> = { vi: { ...shellMessages.vi }, en: { ...shellMessages.en } };

/**
 * Adds the features' catalogues, once at start-up. The argument must name every catalogue declared
 * in `Messages`, so a feature whose messages are not registered does not compile.
 */
export function registerMessages(features: Omit<Messages, 'shell'>): void {
  for (const catalogue of Object.values(features) as Catalogue[]) {
    Object.assign(dictionaries.vi, catalogue.vi);
    Object.assign(dictionaries.en, catalogue.en);
  }
}

export type MessageParams = Record<string, string | number>;

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN'),
  en: new Intl.NumberFormat('en-US'),
};

export function formatNumber(lang: Lang, n: number): string {
  return numberFormats[lang].format(n);
}

export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = dictionaries[lang][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

export type TFunction = (key: MessageKey, params?: MessageParams) => string;

const STORAGE_KEY = 'ansinh.lang';

function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** The saved language, Vietnamese by default. */
export function initialLang(): Lang {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // Storage may be unavailable (private mode); fall back to Vietnamese.
  }
  return 'vi';
}

function applyLang(lang: Lang): void {
  document.documentElement.lang = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // ignore
  }
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    dayjs.locale(l);
    return l;
  });

  useEffect(() => {
    applyLang(lang);
  }, [lang]);

  const setLang = useCallback((l: Lang) => {
    // Before the re-render, so date pickers and relative dates render in the new language.
    dayjs.locale(l);
    setLangState(l);
  }, []);
  const t = useCallback<TFunction>((key, params) => translate(lang, key, params), [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return createElement(I18nContext.Provider, { value }, children);
}

function useI18n(): I18nValue {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('I18nProvider is missing');
  return ctx;
}

/** The translate function for the current language. */
export function useT(): TFunction {
  return useI18n().t;
}

/** The current language and its setter. */
export function useLang(): { lang: Lang; setLang: (lang: Lang) => void } {
  const { lang, setLang } = useI18n();
  return { lang, setLang };
}

/** A label from a `{ vi, en }` pair (ROLE_LABELS, AREA_TYPE_LABELS ...). */
export function pick(label: { vi: string; en: string } | undefined, lang: Lang): string {
  return label ? label[lang] : '';
}
