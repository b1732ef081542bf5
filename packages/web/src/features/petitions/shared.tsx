import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { Space, Tag } from 'antd';
import type { ClockOut } from '@ansinh/domain';
import { hasAbility, useAuth } from '../../kernel/auth';
import { formatDate } from '../../kernel/format';
import { useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { PageHead } from '../../components/PageHead';

const CLOCK_COLOR: Record<ClockOut['status'], string> = {
  running: 'green',
  due_soon: 'gold',
  overdue: 'red',
  suspended: 'default',
  done_on_time: 'blue',
  done_late: 'volcano',
};

/** A legal clock: days left (or overdue) in the unit its article counts, and its due date. */
export function ClockTag({ clock }: { clock: ClockOut | null }) {
  const t = useT();
  if (!clock) return null;
  const unit = t(clock.dayKind === 'working' ? 'petitions.clock.working' : 'petitions.clock.calendar');
  const n = Math.abs(clock.remaining);
  const text =
    clock.status === 'overdue'
      ? t('petitions.clock.over', { n, unit })
      : clock.status === 'suspended'
        ? t('petitions.clock.suspended', { n, unit })
        : clock.status === 'done_on_time'
          ? t('petitions.clock.onTime')
          : clock.status === 'done_late'
            ? t('petitions.clock.late')
            : t('petitions.clock.left', { n, unit });
  return (
    <span data-testid="clock" title={clock.source} translate="no">
      <Tag color={CLOCK_COLOR[clock.status]}>{text}</Tag>
      {clock.due ? <span>{t('petitions.clock.due', { date: formatDate(clock.due) })}</span> : null}
    </span>
  );
}

export const kindLabel = (t: ReturnType<typeof useT>, kind: string | null) =>
  kind ? t(`petitions.kind.${kind}` as MessageKey) : '';

/** The module's tabs under the page title. */
export function PetitionsHead({ title, extra }: { title: string; extra?: ReactNode }) {
  const t = useT();
  const { me } = useAuth();
  const path = useLocation().pathname;
  const tabs: [string, MessageKey, boolean][] = [
    ['/petitions', 'petitions.tab.due', true],
    ['/petitions/letters', 'petitions.tab.letters', true],
    ['/petitions/cases', 'petitions.tab.cases', true],
    ['/petitions/hotline', 'petitions.tab.hotline', hasAbility(me, 'petitions.receive')],
    ['/petitions/reception', 'petitions.tab.reception', true],
    ['/petitions/stats', 'petitions.tab.stats', hasAbility(me, 'petitions.stats')],
  ];
  return (
    <>
      <PageHead title={title} intro={t('petitions.intro')} extra={extra} />
      <Space wrap style={{ marginBottom: 16 }} className="no-print">
        {tabs
          .filter(([, , show]) => show)
          .map(([to, label]) => (
            <Link key={to} to={to} aria-current={path === to ? 'page' : undefined}>
              <Tag color={path === to ? 'blue' : undefined}>{t(label)}</Tag>
            </Link>
          ))}
      </Space>
    </>
  );
}

export const todayIso = (): string => {
  const d = new Date(Date.now() + 7 * 3_600_000);
  return d.toISOString().slice(0, 10);
};
