import { useCallback } from 'react';
import type { FormInstance } from 'antd';
import { ApiError, CLIENT_ERROR } from './http';
import { useT } from './i18n';
import type { TFunction } from './i18n';

/** The text to show for an error: the server's Vietnamese message, or ours for client-side ones. */
export function errorText(t: TFunction, e: unknown): string {
  if (e instanceof ApiError) {
    switch (e.code) {
      case CLIENT_ERROR.network:
        return t('error.network');
      case CLIENT_ERROR.badResponse:
        return t('error.badResponse');
      case CLIENT_ERROR.http:
        return t('error.http', { status: String(e.status) });
      default:
        return e.message || t('error.http', { status: String(e.status) });
    }
  }
  return t('error.unknown');
}

export function useErrorText(): (e: unknown) => string {
  const t = useT();
  return useCallback((e: unknown) => errorText(t, e), [t]);
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
  for (const d of e.details) {
    const f = fieldOf(d.path);
    if (fields.includes(f)) byField.set(f, [...(byField.get(f) ?? []), d.message]);
    else rest.push(d.message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return rest;
}
