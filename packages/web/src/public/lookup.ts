import type { DossierLookupOut } from '@ansinh/domain';
import { formatDate, getJson, h, HttpError, show } from './dom';
import { tr, type TextKey } from './text';

/** The citizen's dossier lookup under /tra-cuu: the code on the slip and the phone or lookup code. */
export function renderLookup(main: HTMLElement): void {
  const params = new URLSearchParams(window.location.search);
  const code = h('input', {
    id: 'lookup-code',
    'data-testid': 'lookup-code',
    value: params.get('ma') ?? '',
    autocapitalize: 'characters',
    autocomplete: 'off',
    required: true,
    placeholder: '213.89.31.H70-250312-0001',
  }) as HTMLInputElement;
  const check = h('input', {
    id: 'lookup-check',
    'data-testid': 'lookup-check',
    autocomplete: 'off',
    required: true,
  }) as HTMLInputElement;
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'lookup-submit' }, tr('submit'));
  const out = h('div', { 'aria-live': 'polite' });

  const run = async (e?: Event) => {
    e?.preventDefault();
    submit.setAttribute('disabled', '');
    submit.textContent = tr('searching');
    show(out);
    try {
      const q = new URLSearchParams({ code: code.value.trim(), check: check.value.trim() });
      show(out, result(await getJson<DossierLookupOut>(`/api/v1/public/dossiers/lookup?${q}`)));
    } catch (err) {
      show(out, problem(err));
    } finally {
      submit.removeAttribute('disabled');
      submit.textContent = tr('submit');
    }
  };

  show(
    main,
    h('h1', {}, tr('lookupTitle')),
    h('p', { class: 'muted' }, tr('lookupIntro')),
    h(
      'form',
      { onsubmit: (e) => void run(e), novalidate: false },
      h('label', { for: 'lookup-code' }, tr('code')),
      code,
      h('label', { for: 'lookup-check' }, tr('check')),
      check,
      submit,
    ),
    out,
  );
  (code.value ? check : code).focus();
}

function problem(err: unknown): HTMLElement {
  const status = err instanceof HttpError ? err.status : 0;
  const text =
    status === 0
      ? tr('network')
      : status === 404
        ? tr('notFound')
        : status === 429
          ? (err as HttpError).message || tr('tooMany')
          : (err as HttpError).message || tr('failed');
  return h('div', { class: 'alert', role: 'alert', 'data-testid': 'lookup-error' }, text);
}

function row(label: string, value: string | null, testId?: string): HTMLElement[] {
  if (!value) return [];
  return [h('dt', {}, label), h('dd', testId ? { 'data-testid': testId } : {}, value)];
}

function result(r: DossierLookupOut): HTMLElement {
  const supplement =
    r.state === 'supplement'
      ? h(
          'div',
          { class: 'note', 'data-testid': 'lookup-supplement' },
          h('strong', {}, tr('supplementTitle')),
          ' ',
          r.supplementRequest
            ? [tr('supplementBring'), ' ', h('strong', {}, r.supplementRequest)]
            : tr('supplementUnknown'),
        )
      : null;
  return h(
    'div',
    {},
    supplement,
    h(
      'dl',
      { class: 'card', 'data-testid': 'lookup-result' },
      row(tr('code'), r.code),
      row(tr('procedure'), r.procedureName),
      row(tr('applicant'), r.applicantName),
      row(tr('state'), tr(`state.${r.state}` as TextKey), 'lookup-state'),
      row(tr('where'), r.where, 'lookup-where'),
      row(tr('received'), formatDate(r.receivedDate)),
      row(tr('appointment'), formatDate(r.appointmentDate), 'lookup-appointment'),
      row(tr('settled'), formatDate(r.settledDate)),
      row(tr('delivery'), tr(`delivery.${r.delivery}` as TextKey)),
      h('dt', {}, tr('steps')),
      h(
        'dd',
        {},
        h(
          'ol',
          {},
          r.steps.map((s) => h('li', {}, `${s.levelLabel} — ${s.areaName}: ${s.finished ? tr('done') : tr('notYet')}`)),
        ),
      ),
    ),
  );
}
