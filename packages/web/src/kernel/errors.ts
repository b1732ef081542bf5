import { useCallback } from 'react';
import type { FormInstance } from 'antd';
import { ApiError, CLIENT_ERROR } from './http';
import { translate, useLang, useT } from './i18n';
import type { Lang, MessageKey, TFunction } from './i18n';
import { SERVER_ERRORS_EN } from './i18n/server-errors';

/** A server error in English: by its stable code, else by its HTTP status; never the Vietnamese text. */
function serverErrorEn(t: TFunction, e: ApiError): string {
  const byCode = SERVER_ERRORS_EN[e.code];
  if (byCode) return byCode;
  const status = [400, 403, 404, 409].includes(e.status) ? e.status : e.status === 422 ? 400 : null;
  return status ? t(`error.status.${status}` as MessageKey) : t('error.http', { status: String(e.status) });
}

/**
 * The text to show for an error in the chosen language: in Vietnamese the server's message (it names
 * the record and says what to do), in English ours from the error's code; client-side errors ours.
 */
export function errorText(t: TFunction, e: unknown, lang: Lang = 'vi'): string {
  if (e instanceof ApiError) {
    switch (e.code) {
      case CLIENT_ERROR.network:
        return t('error.network');
      case CLIENT_ERROR.badResponse:
        return t('error.badResponse');
      case CLIENT_ERROR.http:
        return t('error.http', { status: String(e.status) });
      default:
        if (lang !== 'vi') return serverErrorEn(t, e);
        return e.message || t('error.http', { status: String(e.status) });
    }
  }
  return t('error.unknown');
}

export function useErrorText(): (e: unknown) => string {
  const t = useT();
  const { lang } = useLang();
  return useCallback((e: unknown) => errorText(t, e, lang), [t, lang]);
}

/** `body.username`, `/username`, `username` → `username`. */
function fieldOf(path: string): string {
  const parts = path.split(/[./]/).filter(Boolean);
  return parts[parts.length - 1] ?? '';
}

/**
 * Puts the problem's field `details` on the matching form fields. Returns the messages that
 * belong to no field of this form, so the caller can show them above the form.
 */
export function applyFieldErrors(form: FormInstance, e: unknown, fields: readonly string[]): string[] {
  if (!(e instanceof ApiError) || e.details.length === 0) return [];
  const byField = new Map<string, string[]>();
  const rest: string[] = [];
  // Field messages come from the server in Vietnamese, with no code of their own: in English the
  // field is marked with our generic text (the page's language is the document's, set by the i18n kernel).
  const english = document.documentElement.lang === 'en';
  const text = (m: string) => (english ? translate('en', 'error.field') : m);
  for (const d of e.details) {
    const f = fieldOf(d.path);
    if (fields.includes(f)) byField.set(f, [...(byField.get(f) ?? []), text(d.message)]);
    else rest.push(text(d.message));
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return rest;
}
