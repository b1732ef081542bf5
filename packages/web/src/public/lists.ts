import type { PublicFacets, PublicList } from '@ansinh/domain';
import { formatDate, formatNumber, getJson, h, HttpError, show } from './dom';
import { currentLang, tr } from './text';

type Summary = Omit<PublicList, 'entries' | 'remarks'>;
const PAGE = 20;
const lang = () => currentLang();
const money = (n: number) => formatNumber(n, lang());

/** Loading, then the page or an error with a retry: never an empty message while loading or failing. */
async function load(main: HTMLElement, area: HTMLElement, work: () => Promise<void>): Promise<void> {
  show(area, h('p', { class: 'muted', role: 'status' }, tr('loading')));
  try {
    await work();
  } catch (err) {
    const status = err instanceof HttpError ? err.status : 0;
    const text =
      status === 0 ? tr('network') : status === 429 ? tr('tooMany') : (err as HttpError).message || tr('failed');
    show(
      area,
      h(
        'div',
        { class: 'alert', role: 'alert', 'data-testid': 'public-error' },
        text,
        ' ',
        h('button', { type: 'button', onclick: () => void load(main, area, work) }, tr('retry')),
      ),
    );
  }
}

function select(id: string, label: string, value: string, options: { value: string; label: string }[]): HTMLElement[] {
  const el = h(
    'select',
    { id, name: id },
    h('option', { value: '' }, tr('all')),
    options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)),
  );
  return [h('div', {}, h('label', { for: id }, label), el)];
}

/** /cong-khai: the published lists, searched by commune, program and a beneficiary's name. */
export function renderLists(main: HTMLElement): void {
  const params = new URLSearchParams(window.location.search);
  const filters = { xa: params.get('xa') ?? '', ct: params.get('ct') ?? '', ten: params.get('ten') ?? '' };
  const page = Math.max(1, Number(params.get('trang') ?? '1') || 1);
  const form = h('form', { class: 'filters', method: 'get', action: '/cong-khai', 'data-testid': 'public-filters' });
  const results = h('div', { 'aria-live': 'polite' });
  show(main, h('h1', {}, tr('listsTitle')), h('p', { class: 'muted' }, tr('listsIntro')), form, results);

  void load(main, results, async () => {
    const q = new URLSearchParams({ limit: String(PAGE), offset: String((page - 1) * PAGE) });
    if (filters.xa) q.set('areaCode', filters.xa);
    if (filters.ct) q.set('programId', filters.ct);
    if (filters.ten) q.set('name', filters.ten);
    const [facets, lists] = await Promise.all([
      getJson<PublicFacets>('/api/v1/public/lists/facets'),
      getJson<{ items: Summary[]; total: number }>(`/api/v1/public/lists?${q}`),
    ]);
    show(
      form,
      select(
        'xa',
        tr('commune'),
        filters.xa,
        facets.communes.map((c) => ({ value: c.code, label: c.name })),
      ),
      select(
        'ct',
        tr('program'),
        filters.ct,
        facets.programs.map((p) => ({ value: String(p.id), label: p.name })),
      ),
      h(
        'div',
        {},
        h('label', { for: 'ten' }, tr('name')),
        h('input', {
          id: 'ten',
          name: 'ten',
          value: filters.ten,
          placeholder: tr('namePlaceholder'),
          autocomplete: 'off',
        }),
      ),
      h('div', {}, h('button', { type: 'submit', class: 'primary', 'data-testid': 'public-find' }, tr('find'))),
    );
    if (lists.items.length === 0)
      return show(results, h('p', { class: 'note', 'data-testid': 'public-none' }, tr('none')));
    const link = (p: number) => {
      const u = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
      if (p > 1) u.set('trang', String(p));
      return `/cong-khai${u.size ? `?${u}` : ''}`;
    };
    show(
      results,
      h('p', { class: 'muted' }, tr('found', { n: formatNumber(lists.total, lang()) })),
      h('ul', { class: 'lists', 'data-testid': 'public-lists' }, lists.items.map(summaryItem)),
      h(
        'nav',
        { class: 'pager', 'aria-label': 'pages' },
        page > 1 ? h('a', { href: link(page - 1) }, tr('prev')) : h('span'),
        page * PAGE < lists.total ? h('a', { href: link(page + 1) }, tr('next')) : h('span'),
      ),
    );
  });
}

function summaryItem(l: Summary): HTMLElement {
  return h(
    'li',
    {},
    h('a', { href: `/cong-khai/${l.id}`, 'data-testid': `public-list-${l.id}` }, l.programName),
    h(
      'div',
      {},
      [l.communeName, tr('period', { period: l.period }), tr('people', { n: formatNumber(l.entriesCount, lang()) })]
        .concat(l.unit === 'dong' ? [tr('total', { amount: money(l.totalAmount) })] : [])
        .join(' · '),
    ),
    h(
      'div',
      { class: 'muted' },
      [
        l.decisionNo ? tr('decision', { no: l.decisionNo, date: formatDate(l.decisionDate) }) : '',
        tr('publishedAt', { date: formatDate(l.publishedAt) }),
      ]
        .filter(Boolean)
        .join(' · '),
    ),
  );
}

const UNIT_LABEL: Record<string, string> = { kg: 'kg', card: 'thẻ' };

/** /cong-khai/:id: one published list, masked, with the supervision remarks and their answers. */
export function renderList(main: HTMLElement, id: number): void {
  void load(main, main, async () => {
    let l: PublicList;
    try {
      l = await getJson<PublicList>(`/api/v1/public/lists/${id}`);
    } catch (err) {
      if (err instanceof HttpError && err.status === 404)
        return show(main, h('p', { class: 'note' }, h('a', { href: '/cong-khai' }, tr('listNotFound'))));
      throw err;
    }
    document.title = `${l.programName} — ${l.communeName}`;
    const cash = l.unit === 'dong';
    const filter = h('input', {
      id: 'filter',
      autocomplete: 'off',
      placeholder: tr('namePlaceholder'),
    }) as HTMLInputElement;
    const body = h('tbody');
    const more = h('button', { type: 'button', class: 'primary no-print' }, tr('showMore'));
    let shown = 200;
    const fold = (s: string) =>
      s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd')
        .replace(/Đ/g, 'D')
        .toLowerCase();
    const draw = () => {
      const key = fold(filter.value.trim());
      const rows = key ? l.entries.filter((e) => fold(e.fullName).includes(key)) : l.entries;
      body.replaceChildren(
        ...rows
          .slice(0, shown)
          .map((e, i) =>
            h(
              'tr',
              {},
              h('td', { class: 'num' }, i + 1),
              h('td', {}, e.fullName),
              h('td', {}, e.birthYear ?? ''),
              h('td', {}, e.village ?? ''),
              h('td', {}, e.idTail ? `•••••••••${e.idTail}` : ''),
              h('td', {}, e.category ?? ''),
              h(
                'td',
                { class: 'num' },
                cash ? money(e.amount) : `${formatNumber(e.quantity, lang())} ${UNIT_LABEL[l.unit] ?? l.unit}`,
              ),
            ),
          ),
      );
      more.hidden = rows.length <= shown;
    };
    filter.addEventListener('input', () => {
      shown = 200;
      draw();
    });
    more.addEventListener('click', () => {
      shown += 500;
      draw();
    });
    const names = new Map(l.entries.map((e) => [e.id, e.fullName]));
    show(
      main,
      h('p', { class: 'no-print' }, h('a', { href: '/cong-khai' }, tr('back'))),
      h('h1', { 'data-testid': 'public-list-title' }, l.programName),
      h(
        'p',
        {},
        [l.communeName, tr('period', { period: l.period }), tr('people', { n: formatNumber(l.entriesCount, lang()) })]
          .concat(cash ? [tr('total', { amount: money(l.totalAmount) })] : [])
          .join(' · '),
      ),
      l.decisionNo ? h('p', {}, tr('decision', { no: l.decisionNo, date: formatDate(l.decisionDate) })) : null,
      h('p', { class: 'muted' }, tr('legalBasis', { basis: l.legalBasis }), ' ', tr('masked')),
      h('div', { class: 'no-print' }, h('label', { for: 'filter' }, tr('filterEntries')), filter),
      h(
        'div',
        // A region that scrolls sideways on a phone: focusable, so the keyboard can scroll it too.
        { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': tr('entriesLabel') },
        h(
          'table',
          { 'data-testid': 'public-entries' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { class: 'num', scope: 'col' }, tr('no')),
              h('th', { scope: 'col' }, tr('fullName')),
              h('th', { scope: 'col' }, tr('birthYear')),
              h('th', { scope: 'col' }, tr('village')),
              h('th', { scope: 'col' }, tr('idTail')),
              h('th', { scope: 'col' }, tr('category')),
              h('th', { class: 'num', scope: 'col' }, tr('amount')),
            ),
          ),
          body,
        ),
      ),
      more,
      h('h2', {}, tr('remarks')),
      h(
        'div',
        { 'data-testid': 'public-remarks' },
        l.remarks.length === 0
          ? h('p', { class: 'muted' }, tr('noRemarks'))
          : l.remarks.map((r) =>
              h(
                'div',
                { class: 'remark' },
                h('div', { class: 'muted' }, `${r.author} · ${formatDate(r.createdAt)}`),
                h('div', {}, r.entryId && names.get(r.entryId) ? `${names.get(r.entryId)}: ${r.text}` : r.text),
                r.answer
                  ? h('div', {}, h('strong', {}, tr('answer', { by: r.answeredBy ?? '' })), ' ', r.answer)
                  : null,
              ),
            ),
      ),
      h(
        'p',
        { class: 'no-print' },
        h('a', { href: `/login?next=${encodeURIComponent(`/giam-sat/${l.id}`)}` }, tr('supervise')),
      ),
      h('button', { type: 'button', class: 'primary no-print', onclick: () => window.print() }, tr('print')),
    );
    draw();
  });
}
