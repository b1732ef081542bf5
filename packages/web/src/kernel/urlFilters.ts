import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

function positiveInt(v: string | null, fallback: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The page and page size asked for in the query string; page 1 and `defaultSize` otherwise. */
export function pageParams(params: URLSearchParams, defaultSize: number): { page: number; pageSize: number } {
  return { page: positiveInt(params.get('page'), 1), pageSize: positiveInt(params.get('pageSize'), defaultSize) };
}

export interface UrlFilters {
  params: URLSearchParams;
  /** Sets (or, for undefined and '', removes) query parameters; back to page 1 unless keepPage. */
  update: (patch: Record<string, string | undefined>, keepPage?: boolean) => void;
  /** What a paged table calls when the user turns a page or changes its size. */
  setPage: (page: number, pageSize: number) => void;
  /** Removes the given filters (and the page). */
  clear: (keys: readonly string[]) => void;
}

/**
 * Filters live in the query string, so a search can be bookmarked, shared and comes back with
 * the browser's Back button. Changing a filter goes back to page 1. The history entry is
 * replaced, not added: Back leaves the list instead of undoing one keystroke at a time.
 */
export function useUrlFilters(): UrlFilters {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (patch: Record<string, string | undefined>, keepPage = false) => {
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === '') p.delete(k);
            else p.set(k, v);
          }
          if (!keepPage) p.delete('page');
          return p;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const setPage = useCallback(
    (page: number, pageSize: number) => update({ page: String(page), pageSize: String(pageSize) }, true),
    [update],
  );
  const clear = useCallback(
    (keys: readonly string[]) => update(Object.fromEntries(keys.map((k) => [k, undefined]))),
    [update],
  );
  return { params, update, setPage, clear };
}

/**
 * The text of a search box, applied to the URL after a short pause in typing (Enter applies at
 * once). It follows the URL when that changes from elsewhere (Back, "clear filters"). Text that
 * `accept` refuses (half a code, say) stays in the box without filtering.
 */
export function useDebouncedParam(
  { params, update }: UrlFilters,
  key: string,
  accept: (value: string) => boolean = () => true,
) {
  const urlValue = params.get(key) ?? '';
  const [text, setText] = useState(urlValue);
  const updateRef = useRef(update);
  updateRef.current = update;
  useEffect(() => setText(urlValue), [urlValue]);
  const commit = useCallback(
    (value: string) => {
      const v = value.trim();
      if (v !== urlValue && accept(v)) updateRef.current({ [key]: v || undefined });
    },
    [key, urlValue, accept],
  );
  useEffect(() => {
    const id = window.setTimeout(() => commit(text), 400);
    return () => window.clearTimeout(id);
    // Only the typed text restarts the pause.
  }, [text]);
  return { text, setText, commit };
}

export type DebouncedParam = ReturnType<typeof useDebouncedParam>;
