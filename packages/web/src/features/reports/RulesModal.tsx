import { useMutation, useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import type { ReportsPolicySettings } from '@ansinh/domain';
import { useT } from '../../kernel/i18n';
import { ModalForm, useModalForm } from '../../components/ModalForm';
import { reportsApi, rk } from './api';
import { IsoDateInput } from '../../components/DateInput';

/** The modules whose computed figures may replace entered ones once their records are kept in AnSinh. */
const MODULES = ['petitions', 'employment', 'merit', 'poverty'] as const;

interface RulesValues {
  issueWithMissing: 'confirm' | 'refuse';
  petitions?: string;
  employment?: string;
  merit?: string;
  poverty?: string;
}

/**
 * The Department's report rules (docs/modules/reports.md): since when each module's records are
 * kept in AnSinh (from then on its figures are computed; before, the entered values are used), and
 * whether a report with missing figures may be issued after a confirmation or is refused.
 */
export function RulesModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const state = useModalForm<RulesValues>(['issueWithMissing', ...MODULES], onClose);
  const q = useQuery({ queryKey: rk.rules, queryFn: ({ signal }) => reportsApi.rules(signal) });
  const m = useMutation({
    mutationFn: (v: RulesValues) =>
      reportsApi.putRules({
        issueWithMissing: v.issueWithMissing,
        recordsSince: Object.fromEntries(MODULES.map((k) => [k, v[k] ? v[k] : null])),
      }),
    onSuccess: () => state.done(t('reports.rules.saved'), rk.all),
    onError: state.showError,
  });
  if (!q.data) return null;
  const initial: RulesValues = { issueWithMissing: q.data.issueWithMissing, ...pickSince(q.data) };
  return (
    <ModalForm<RulesValues>
      state={state}
      title={t('reports.rules.title')}
      intro={<p>{t('reports.rules.intro')}</p>}
      errorTestId="rules-form-error"
      submit={{ label: t('common.save'), testId: 'rules-form-submit', loading: m.isPending }}
      onFinish={(v) => m.mutate(v)}
      initialValues={initial}
      width={560}
    >
      <Form.Item name="issueWithMissing" label={t('reports.rules.issue')} rules={[{ required: true }]}>
        <Select
          data-testid="rules-form-issue"
          options={[
            { value: 'confirm', label: t('reports.rules.issue.confirm') },
            { value: 'refuse', label: t('reports.rules.issue.refuse') },
          ]}
        />
      </Form.Item>
      {MODULES.map((k) => (
        <Form.Item key={k} name={k} label={t(`reports.rules.since.${k}`)} extra={t('reports.rules.sinceHelp')}>
          <IsoDateInput data-testid={`rules-form-${k}`} />
        </Form.Item>
      ))}
    </ModalForm>
  );
}

function pickSince(s: ReportsPolicySettings): Partial<RulesValues> {
  return Object.fromEntries(MODULES.filter((k) => s.recordsSince[k]).map((k) => [k, s.recordsSince[k]!]));
}
