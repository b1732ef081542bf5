/**
 * The i18n runtime: the current language, `useT()`, number formatting in messages. The messages
 * themselves are catalogues (`catalogue.ts`): the shell's in `common.ts`, each feature's in its
 * `messages.ts`, registered once by the shell. Parameters are written `{name}` and numbers passed
 * as parameters are formatted for the language (vi-VN: 1.234,5; en-GB: 1,234.5). Counts are
 * pluralised with ICU-like blocks read by `Intl.PluralRules`:
 * `{count, plural, one {# person} other {# people}}` (`=0 {…}` matches an exact value, `#` is the
 * formatted number). Official forms print in Vietnamese whatever the screen language: their pages
 * translate with `useFormT()` and carry `lang="vi"`.
 */
import {
  createContext,
  createElement,
  Fragment,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { flushSync } from 'react-dom';
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

/** The locale of each language for Intl (numbers, dates, plural rules). */
export const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat(LOCALES.vi),
  en: new Intl.NumberFormat(LOCALES.en),
};
const pluralRules: Record<Lang, Intl.PluralRules> = {
  vi: new Intl.PluralRules(LOCALES.vi),
  en: new Intl.PluralRules(LOCALES.en),
};

export function formatNumber(lang: Lang, n: number): string {
  return numberFormats[lang].format(n);
}

const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_CASE = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/** `{n, plural, one {# person} other {# people}}` with n = 3 → "3 people" (English rules), "3 người" in Vietnamese. */
function pluralise(lang: Lang, template: string, params: MessageParams): string {
  return template.replace(PLURAL, (whole, name: string, cases: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    const forms = new Map<string, string>();
    for (const m of cases.matchAll(PLURAL_CASE)) forms.set(m[1]!, m[2]!);
    // A count passed already formatted (a string) takes the "other" form.
    if (typeof value !== 'number') return (forms.get('other') ?? '').replace(/#/g, value);
    const form = forms.get(`=${value}`) ?? forms.get(pluralRules[lang].select(value)) ?? forms.get('other') ?? '';
    return form.replace(/#/g, formatNumber(lang, value));
  });
}

export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  // A key built from a code (`dossiers.reason.${code}`) the catalogue does not know: a generic
  // label, never the raw code.
  const raw = dictionaries[lang][key] ?? dictionaries[lang]['common.unknownCode'] ?? key;
  if (!params) return raw;
  const template = raw.includes(', plural,') ? pluralise(lang, raw, params) : raw;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

/** Whether the catalogue has this key (for keys built from codes: `programs.problem.${code}`). */
export function hasMessage(key: string): boolean {
  return key in dictionaries.vi;
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

const formT: TFunction = (key, params) => translate('vi', key, params);

/**
 * The translate function of official forms (receipts, slips, decisions, payment sheets): always
 * Vietnamese, whatever the screen language. The printed block carries `lang="vi"`.
 */
export function useFormT(): TFunction {
  return formT;
}

/**
 * For a page whose printout is the screen itself (a commune's list, the poverty breakdown and
 * campaign, the merit record): official papers always print in Vietnamese (issue 18 item 7). While
 * printing (its print button or Ctrl+P), the page renders in Vietnamese; the screen language comes
 * back after. Chrome lays the page out for print after the `beforeprint` handlers, so the render is
 * made synchronous there.
 */
export function usePrintInVietnamese(): void {
  const { lang, setLang } = useI18n();
  const current = useRef(lang);
  current.current = lang;
  useEffect(() => {
    let restore: Lang | null = null;
    const before = () => {
      if (current.current === 'vi') return;
      restore = current.current;
      flushSync(() => setLang('vi'));
    };
    const after = () => {
      if (restore) setLang(restore);
      restore = null;
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      after();
    };
  }, [setLang]);
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

/** Numbers for the screen in the chosen language: vi-VN 1.234,5 / en-GB 1,234.5 (Intl options allowed). */
export function useFormatNumber(): (n: number, options?: Intl.NumberFormatOptions) => string {
  const { lang } = useI18n();
  return useCallback(
    (n: number, options?: Intl.NumberFormatOptions) =>
      options ? n.toLocaleString(LOCALES[lang], options) : formatNumber(lang, n),
    [lang],
  );
}

/** A quantity (a count, or a figure with up to two decimals) in the chosen language's format. */
export function useFormatQuantity(): (n: number) => string {
  const num = useFormatNumber();
  return useCallback((n: number) => num(n, { maximumFractionDigits: 2 }), [num]);
}

/**
 * A message as React nodes, its parameters shown as given: names, areas and record content passed
 * as parameters are wrapped in `<span translate="no">` (data, not text to translate); numbers are
 * formatted and pluralised as `t` does. `tn('programs.listOf', { commune: l.communeName })`.
 */
export function useTN(): (key: MessageKey, params: Record<string, ReactNode | number>) => ReactNode {
  const { lang } = useI18n();
  return useCallback(
    (key: MessageKey, params: Record<string, ReactNode | number>) => {
      const numbers: MessageParams = {};
      for (const [k, v] of Object.entries(params)) if (typeof v === 'number') numbers[k] = v;
      const text = translate(lang, key, numbers);
      const parts = text.split(/\{(\w+)\}/g);
      return createElement(
        Fragment,
        null,
        ...parts.map((p, i) => {
          if (i % 2 === 0) return p;
          const v = params[p];
          if (v === undefined || v === null) return `{${p}}`;
          return typeof v === 'string'
            ? createElement('span', { key: i, translate: 'no' }, v)
            : createElement(Fragment, { key: i }, v);
        }),
      );
    },
    [lang],
  );
}

/** Money for the screen: "1.624.000 đồng" in Vietnamese, "1,624,000 VND" in English. */
export function useMoney(): (n: number) => string {
  const { lang } = useI18n();
  return useCallback(
    (n: number) => (lang === 'vi' ? `${formatNumber('vi', n)} đồng` : `${formatNumber('en', n)} VND`),
    [lang],
  );
}

/** `useTN()` as an element, for JSX: `<TN k="programs.listOf" p={{ commune: l.communeName }} />`. */
export function TN({ k, p }: { k: MessageKey; p: Record<string, ReactNode | number> }): ReactNode {
  return useTN()(k, p);
}

/** A server text written "Vietnamese / English" (calendar warnings): the half in the chosen language. */
export function pickBilingual(text: string, lang: Lang): string {
  const parts = text.split(' / ');
  return parts.length === 2 ? parts[lang === 'vi' ? 0 : 1]! : text;
}
