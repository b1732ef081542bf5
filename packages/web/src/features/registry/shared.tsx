import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { Tag, Typography } from 'antd';
import type { FormRule } from 'antd';
import {
  checkCitizenId,
  DISABILITY_DEGREES,
  ETHNIC_GROUPS,
  GENDERS,
  HOUSEHOLD_STATES,
  labelOf,
  parsePartialDate,
  RELATIONS,
  RESIDENCES,
  searchKey,
  STATUS_CATEGORIES,
  StatusKind,
} from '@ansinh/domain';
import type { CodeLabel, Gender } from '@ansinh/domain';
import { hasAbility, useAuth } from '../../kernel/auth';
import { useLang, useT } from '../../kernel/i18n';
import type { Lang, MessageKey, TFunction } from '../../kernel/i18n';
import { PageHead } from '../../components/PageHead';

/** May the signed-in user change the registry (create, edit, import, statuses, duplicates)? */
export function useCanWrite(): boolean {
  const { me } = useAuth();
  return hasAbility(me, 'registry.write');
}

const TABS: { key: string; path: string; label: MessageKey; write?: boolean; testId: string }[] = [
  { key: 'persons', path: '/registry', label: 'registry.tab.persons', testId: 'registry-tab-persons' },
  {
    key: 'households',
    path: '/registry/households',
    label: 'registry.tab.households',
    testId: 'registry-tab-households',
  },
  {
    key: 'duplicates',
    path: '/registry/duplicates',
    label: 'registry.tab.duplicates',
    write: true,
    testId: 'registry-tab-duplicates',
  },
  { key: 'import', path: '/registry/import', label: 'registry.tab.import', write: true, testId: 'registry-tab-import' },
  { key: 'transfers', path: '/registry/transfers', label: 'registry.tab.transfers', testId: 'registry-tab-transfers' },
];

function tabOf(pathname: string): string {
  const second = pathname.split('/').filter(Boolean)[1];
  if (!second || second === 'persons') return 'persons';
  return second;
}

/**
 * The registry's own menu: persons, households, duplicates, import (the last two for writers).
 * Plain links that wrap onto a second line on a phone, so none hides behind a "…".
 */
export function RegistryTabs() {
  const t = useT();
  const canWrite = useCanWrite();
  const { pathname } = useLocation();
  const current = tabOf(pathname);
  return (
    <nav aria-label={t('registry.tabsLabel')} className="registry-tabs no-print">
      <ul>
        {TABS.filter((tab) => !tab.write || canWrite).map((tab) => (
          <li key={tab.key}>
            <Link
              to={tab.path}
              data-testid={tab.testId}
              aria-current={tab.key === current ? 'page' : undefined}
              className={tab.key === current ? 'is-active' : undefined}
            >
              {t(tab.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The head of every registry page: title and actions, the registry's menu, then the intro. */
export function RegistryHead({ title, intro, extra }: { title: ReactNode; intro?: ReactNode; extra?: ReactNode }) {
  return (
    <>
      <PageHead title={title} extra={extra} />
      <RegistryTabs />
      {intro ? <Typography.Text className="page-intro">{intro}</Typography.Text> : null}
    </>
  );
}

export function codeLabel<C extends string>(
  table: readonly CodeLabel<C>[],
  code: string | null | undefined,
  lang: Lang,
): string {
  return code ? labelOf(table, code, lang) : '';
}

export function codeOptions<C extends string>(table: readonly CodeLabel<C>[], lang: Lang) {
  return table.map((r) => ({ value: r.code, label: r[lang] }));
}

export function useOptions() {
  const { lang } = useLang();
  return {
    genders: codeOptions(GENDERS, lang),
    relations: codeOptions(RELATIONS, lang),
    disabilities: codeOptions(DISABILITY_DEGREES, lang),
    residences: codeOptions(RESIDENCES, lang),
    states: codeOptions(HOUSEHOLD_STATES, lang),
    ethnic: ETHNIC_GROUPS.map((g) => ({
      value: g.code,
      label: g.modernName,
      search: searchKey(`${g.modernName} ${g.name} ${g.code}`),
    })),
    statusKinds: StatusKind.options.map((k) => ({ value: k, label: STATUS_CATEGORIES[k][lang] })),
  };
}

/** Search the ethnic-group select without accents: "xtieng" finds "Xtiêng", "05" finds Khmer. */
export function filterEthnic(input: string, option?: { search?: string }): boolean {
  return !!option?.search?.includes(searchKey(input));
}

/** The categories of a status kind, labelled in the current language. */
export function categoryOptions(kind: StatusKind | undefined, lang: Lang) {
  if (!kind) return [];
  return STATUS_CATEGORIES[kind].categories.map((c) => ({ value: c.code, label: c[lang] }));
}

export function isStatusKind(v: string | null | undefined): v is StatusKind {
  return !!v && (StatusKind.options as readonly string[]).includes(v);
}

export function genderLabel(g: Gender, lang: Lang): string {
  return labelOf(GENDERS, g, lang);
}

/** Deceased / moved-out markers next to a name. */
export function PersonStateTags({ deceasedOn, movedOutOn }: { deceasedOn: string | null; movedOutOn: string | null }) {
  const t = useT();
  return (
    <>
      {deceasedOn ? <Tag>{t('registry.deceased')}</Tag> : null}
      {movedOutOn ? <Tag>{t('registry.movedOut')}</Tag> : null}
    </>
  );
}

/**
 * A date of birth as people give it: dd/mm/yyyy, mm/yyyy or yyyy (the domain's reader, so the
 * message is the one the import would give).
 */
export function partialDateRule(t: TFunction, label?: string): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const text = typeof value === 'string' ? value : '';
      if (!text.trim()) throw new Error(t('person.form.birthDateRequired'));
      const r = parsePartialDate(text, label ? { label } : {});
      if (!r.ok) throw new Error(r.message);
    },
  };
}

/** Reads a typed birth date into the API's YYYY[-MM[-DD]], or undefined when it cannot. */
export function readPartialDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const r = parsePartialDate(text);
  return r.ok ? r.value : undefined;
}

/**
 * A citizen ID, checked as the server will: 12 digits, and digits 4–6 agreeing with the sex
 * and birth year typed in the same form. Empty is allowed (children have none).
 */
export function citizenIdRule(getPerson: () => { gender?: Gender; birthDate?: string }): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const text = typeof value === 'string' ? value.trim() : '';
      if (!text) return;
      const { gender, birthDate } = getPerson();
      const iso = readPartialDate(birthDate);
      const r = checkCitizenId(text, {
        ...(gender ? { gender } : {}),
        ...(iso ? { birthYear: Number(iso.slice(0, 4)) } : {}),
      });
      const problem = r.problems.find((p) => p.code !== 'ID_PROVINCE_UNKNOWN');
      if (problem) throw new Error(problem.message);
    },
  };
}

/** Empty text → null (clears the field on the server), otherwise trimmed. */
export function orNull(v: string | null | undefined): string | null {
  const s = (v ?? '').trim();
  return s ? s : null;
}

const PHONE_RE = /^(\+?84|0)\d{8,10}$/;

/** A Vietnamese phone number, typed with or without spaces, dots and dashes. Empty is allowed. */
export function phoneRule(t: TFunction): FormRule {
  return {
    validator: async (_r, v: unknown) => {
      const s = typeof v === 'string' ? v.replace(/[\s.-]/g, '') : '';
      if (s && !PHONE_RE.test(s)) throw new Error(t('form.phoneInvalid'));
    },
  };
}

/** A phone or ID number as stored: without the spaces, dots and dashes people type; empty → null. */
export function numberOrNull(v: string | undefined): string | null {
  return orNull((v ?? '').replace(/[\s.-]/g, ''));
}
