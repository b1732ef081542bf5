import type { ReactNode } from 'react';
import { Input, Tag } from 'antd';
import { formatNumberVi, LIST_STATE_VI, STATUS_CATEGORIES, StatusKind } from '@ansinh/domain';
import type {
  Ability,
  AmountRule,
  EligibilityRule,
  ListState,
  PaymentChannel,
  PaymentState,
  ProgramOut,
  Role,
  Selector,
} from '@ansinh/domain';
import { hasAbility, useAuth } from '../../kernel/auth';
import { useLang, useT } from '../../kernel/i18n';
import type { Lang, MessageKey, TFunction } from '../../kernel/i18n';
import './programs.css';

type Unit = ProgramOut['unit'];
type Kind = ProgramOut['kind'];

/**
 * Who does what, as in the server's programs.policy.ts. The abilities of `Me` decide first; the
 * role table is checked as well because the server's auth.policy.ts currently answers every
 * programs.* ability with the "read" rule (see the report), which would show every button to
 * every role. Once that is fixed this table changes nothing.
 */
const ROLE_TABLE: Record<'manage' | 'prepare' | 'appraise' | 'approve' | 'pay' | 'remark', readonly Role[]> = {
  manage: ['province_officer'],
  prepare: ['commune_officer', 'province_officer'],
  appraise: ['district_officer'],
  approve: ['province_officer'],
  pay: ['province_officer'],
  remark: ['supervisor'],
};

/** What the signed-in user may do in this module (the server checks again on every request). */
export function usePrograms() {
  const { me } = useAuth();
  const may = (ability: Ability, key: keyof typeof ROLE_TABLE) =>
    hasAbility(me, ability) && !!me && ROLE_TABLE[key].includes(me.role);
  const can = {
    manage: may('programs.manage', 'manage'),
    prepare: may('programs.prepare', 'prepare'),
    appraise: may('programs.appraise', 'appraise'),
    approve: may('programs.approve', 'approve'),
    pay: may('programs.pay', 'pay'),
    remark: may('programs.remark', 'remark'),
  };
  const officer = can.prepare || can.appraise || can.approve;
  return {
    me,
    can: {
      ...can,
      /** Officers answer supervisors' remarks, publish approved lists and run the checks. */
      officer,
      /** Return a list with comments: district (appraise) and province (approve) officers. */
      return: can.appraise || can.approve,
      /** Progress and totals are for officers, leaders and inspectors, not supervisors. */
      progress: !!me && me.role !== 'supervisor',
    },
  };
}

export const KIND_KEYS: Record<Kind, MessageKey> = {
  one_off_cash: 'programs.kind.one_off_cash',
  monthly: 'programs.kind.monthly',
  gift: 'programs.kind.gift',
  in_kind: 'programs.kind.in_kind',
  health_card: 'programs.kind.health_card',
};
export const UNIT_KEYS: Record<Unit, MessageKey> = {
  dong: 'programs.unit.dong',
  kg: 'programs.unit.kg',
  card: 'programs.unit.card',
};
export const CHANNEL_KEYS: Record<PaymentChannel, MessageKey> = {
  post_office: 'programs.channel.post_office',
  bank: 'programs.channel.bank',
  commune_cash: 'programs.channel.commune_cash',
  in_kind: 'programs.channel.in_kind',
};
export const PAYMENT_KEYS: Record<PaymentState, MessageKey> = {
  paid: 'programs.payment.paid',
  failed: 'programs.payment.failed',
  returned: 'programs.payment.returned',
};
const STATE_EN: Record<ListState, string> = {
  draft: 'Being prepared',
  submitted: 'Awaiting appraisal',
  appraised: 'Awaiting approval',
  approved: 'Approved',
  returned: 'Returned',
};
const STATE_COLORS: Record<ListState, string> = {
  draft: 'default',
  submitted: 'blue',
  appraised: 'cyan',
  approved: 'green',
  returned: 'orange',
};

export function listStateLabel(state: ListState, lang: Lang): string {
  return lang === 'vi' ? LIST_STATE_VI[state] : STATE_EN[state];
}

/** The state of a list as a coloured tag ("Chờ thẩm định"). */
export function ListStateTag({ state, testId }: { state: ListState; testId?: string }) {
  const { lang } = useLang();
  return (
    <Tag color={STATE_COLORS[state]} data-testid={testId}>
      {listStateLabel(state, lang)}
    </Tag>
  );
}

/** A whole number the Vietnamese way: 1100000 → "1.100.000". */
export const num = (n: number): string => formatNumberVi(n);

/** An amount with its unit in the language of `t`: "1.100.000 đ" / "1,100,000 VND", "12,5 kg", "3 thẻ". */
export function quantityText(t: TFunction, unit: Unit, amount: number, quantity: number): string {
  if (unit === 'dong') return t('programs.amountDong', { amount });
  return t('programs.quantityWithUnit', { quantity, unit: t(UNIT_KEYS[unit]) });
}

/** Kilograms also in tonnes, as rice is reported: "12.500 kg (12,5 tấn)". */
export function kgWithTonnes(t: TFunction, kg: number): string {
  return t('programs.kgTonnes', { kg: formatNumberVi(kg), tonnes: formatNumberVi(Math.round(kg) / 1000) });
}

const KIND_ORDER: StatusKind[] = [
  'social_assistance',
  'meritorious',
  'poverty',
  'health_insurance',
  'ethnic_minority_area',
];

/** The label of a status category code ('5a', 'poor'), searched in every status kind. */
export function categoryLabel(code: string | null | undefined, lang: Lang, kind?: StatusKind): string {
  if (!code) return '';
  for (const k of kind ? [kind] : KIND_ORDER) {
    const c = STATUS_CATEGORIES[k].categories.find((x) => x.code === code);
    if (c) return c[lang];
  }
  return code;
}

export const statusKinds = (lang: Lang) =>
  StatusKind.options.map((k) => ({ value: k, label: STATUS_CATEGORIES[k][lang] }));

function selectorText(t: TFunction, s: Selector, lang: Lang): string {
  const parts = [STATUS_CATEGORIES[s.status][lang]];
  if (s.categories?.length) parts.push(s.categories.map((c) => categoryLabel(c, lang, s.status)).join(', '));
  if (s.year !== undefined) parts.push(t('programs.rule.year', { year: String(s.year) }));
  if (s.minDegree !== undefined) parts.push(t('programs.rule.minDegree', { n: s.minDegree }));
  if (s.minAge !== undefined) parts.push(t('programs.rule.minAge', { n: s.minAge }));
  if (s.maxAge !== undefined) parts.push(t('programs.rule.maxAge', { n: s.maxAge }));
  return parts.join(' · ');
}

/** Who qualifies, in words. */
export function eligibilityText(t: TFunction, rule: EligibilityRule, lang: Lang): string {
  const per = rule.per === 'person' ? t('programs.rule.perPerson') : t('programs.rule.perHousehold');
  return `${per}: ${rule.any.map((s) => selectorText(t, s, lang)).join(t('programs.rule.or'))}`;
}

/** How much, in words. */
export function amountText(t: TFunction, rule: AmountRule, lang: Lang): string {
  switch (rule.type) {
    case 'fixed':
      return t('programs.rule.fixed', { amount: rule.amount });
    case 'by_category':
      return `${t('programs.rule.byCategory')}: ${Object.entries(rule.amounts)
        .map(([c, a]) => `${categoryLabel(c, lang)} ${t('programs.amountDong', { amount: a })}`)
        .join('; ')}`;
    case 'gift':
      return rule.gift === 'tet' ? t('programs.rule.giftTet') : t('programs.rule.gift277');
    case 'social_assistance':
      return t('programs.rule.socialAssistance');
    case 'quantity':
      return t('programs.rule.quantity', { n: formatNumberVi(rule.perPerson), unit: t(UNIT_KEYS[rule.unit]) });
  }
}

/** A label and its value on one line, for small summaries. */
/** A labelled fact; `data` marks a value that is record content (names, legal bases, notes), not UI text. */
export function Fact({
  label,
  children,
  testId,
  data,
}: {
  label: ReactNode;
  children: ReactNode;
  testId?: string;
  data?: boolean;
}) {
  return (
    <div className="program-fact">
      <span className="program-fact-label">{label}</span>
      <span className="program-fact-value" data-testid={testId} translate={data ? 'no' : undefined}>
        {children}
      </span>
    </div>
  );
}

/** A new key per user action, kept while that same action is retried after a network error. */
export function newKey(): string {
  return crypto.randomUUID();
}

/** The search box over a list's or a batch's entries (name or citizen ID); `onSearch` gets the trimmed text. */
export function EntrySearch({
  testId,
  value,
  onChange,
  onSearch,
}: {
  testId: string;
  value: string;
  onChange: (v: string) => void;
  onSearch: (v: string) => void;
}) {
  const t = useT();
  return (
    <Input.Search
      className="no-print"
      data-testid={testId}
      aria-label={t('programs.entriesSearch')}
      placeholder={t('programs.entriesSearch')}
      allowClear
      style={{ maxWidth: 420, marginBottom: 12 }}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onSearch={(v) => onSearch(v.trim())}
    />
  );
}
