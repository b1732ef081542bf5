/** A few DOM helpers for the citizen's pages: no framework, so the page stays a few kB. */
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

export function h(tag: string, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, '').toLowerCase(), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/** Replace what `parent` shows and move the reader's focus to it (screen readers hear the change). */
export function show(parent: HTMLElement, ...children: (Child | Child[])[]): void {
  parent.replaceChildren(
    ...children
      .flat()
      .filter((c): c is Node | string => c !== null && c !== undefined && c !== false)
      .map((c) => (c instanceof Node ? c : String(c))),
  );
}

const numberVi = new Intl.NumberFormat('vi-VN');
const numberEn = new Intl.NumberFormat('en-GB');

export const formatNumber = (n: number, lang: 'vi' | 'en'): string => (lang === 'vi' ? numberVi : numberEn).format(n);

/** 'YYYY-MM-DD' (or a timestamp) as dd/mm/yyyy, the way Vietnamese papers write it. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** GET a JSON answer; a problem+json answer becomes an HttpError carrying its Vietnamese message. */
export async function getJson<T>(url: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    throw new HttpError(0, '');
  }
  if (res.ok) return (await res.json()) as T;
  let message = '';
  try {
    message = ((await res.json()) as { detail?: string; title?: string }).detail ?? '';
  } catch {
    /* not JSON: keep the generic text */
  }
  throw new HttpError(res.status, message);
}
