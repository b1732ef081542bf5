import { useMutation } from '@tanstack/react-query';
import { Checkbox, Form, Input, InputNumber, Select } from 'antd';
import type { ProcedureBody, ProcedureOut } from '@ansinh/domain';
import { request } from '../../kernel/http';
import { ProcedureOut as ProcedureOutSchema } from '@ansinh/domain';
import { useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { ModalForm, useModalForm } from '../../components/ModalForm';
import { DateInput, isoOf } from '../../components/DateInput';
import type { Dayjs } from 'dayjs';

interface Values {
  code: string;
  name: string;
  field: string;
  path: string;
  fee: number;
  documents: string;
  resultDocument: string;
  onlineMode: 'full' | 'partial' | 'none';
  onlineLevel: number | null;
  onNationalPortal: boolean;
  legalBasis: string;
  active: boolean;
  effectiveFrom?: Dayjs | null;
}
const FIELDS = [
  'code',
  'name',
  'field',
  'path',
  'decisionLevel',
  'fee',
  'documents',
  'resultDocument',
  'onlineMode',
  'onlineLevel',
  'onNationalPortal',
  'legalBasis',
  'active',
  'effectiveFrom',
];
const LEVEL_WORDS: Record<string, 'commune' | 'district' | 'province'> = {
  xa: 'commune',
  huyen: 'district',
  tinh: 'province',
};
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .trim();
const LEVEL_VI: Record<string, string> = { commune: 'xã', district: 'huyện', province: 'tỉnh' };

/** "xã:5; huyện:7" → [{commune, 5}, {district, 7}] (the way the Excel template writes it). */
export function parsePath(text: string) {
  return text
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [l, d] = s.split(':');
      return { level: LEVEL_WORDS[fold(l ?? '')] ?? ('commune' as const), days: Number((d ?? '').trim()) || 0 };
    });
}

/** Add or edit a procedure of the catalogue (Department officers). */
export function ProcedureModal({ procedure, onClose }: { procedure: ProcedureOut | null; onClose: () => void }) {
  const t = useT();
  const state = useModalForm<Values>(FIELDS, onClose);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const path = parsePath(v.path);
      const body: ProcedureBody = {
        code: v.code,
        name: v.name,
        field: v.field,
        decisionLevel: path[path.length - 1]?.level ?? 'commune',
        path,
        fee: v.fee ?? 0,
        documents: (v.documents ?? '')
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        resultDocument: v.resultDocument ?? '',
        onlineMode: v.onlineMode,
        onlineLevel: v.onlineLevel ?? null,
        onNationalPortal: !!v.onNationalPortal,
        legalBasis: v.legalBasis ?? '',
        active: v.active !== false,
        ...(isoOf(v.effectiveFrom) ? { effectiveFrom: isoOf(v.effectiveFrom) } : {}),
      };
      return procedure
        ? request<ProcedureOut>('PATCH', `/procedures/${procedure.id}`, { body, schema: ProcedureOutSchema })
        : request<ProcedureOut>('POST', '/procedures', { body, schema: ProcedureOutSchema });
    },
    onSuccess: (p) => state.done(`${p.code} — ${p.name}`, ['dossiers', 'procedures']),
    onError: state.showError,
  });
  const initial: Partial<Values> = procedure
    ? {
        ...procedure,
        path: procedure.path.map((s) => `${LEVEL_VI[s.level]}:${s.days}`).join('; '),
        documents: procedure.documents.join('\n'),
      }
    : { onlineMode: 'full', fee: 0, active: true, onNationalPortal: true, path: 'xã:5; tỉnh:10' };
  return (
    <ModalForm
      state={state}
      width={720}
      title={procedure ? `${procedure.code}` : t('procedures.add')}
      errorTestId="procedure-errors"
      submit={{ label: t('procedures.save'), testId: 'procedure-save', loading: save.isPending }}
      initialValues={initial}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item name="code" label={t('procedures.col.code')} rules={[{ required: true }]}>
        <Input autoFocus />
      </Form.Item>
      <Form.Item name="name" label={t('procedures.col.name')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="field" label={t('procedures.col.field')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item
        name="path"
        label={t('procedures.col.path')}
        extra={t('procedures.pathHelp')}
        rules={[{ required: true }]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="fee" label={t('procedures.fee')}>
        <InputNumber min={0} step={1000} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="documents" label={t('procedures.documents')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="resultDocument" label={t('dossiers.detail.result')}>
        <Input />
      </Form.Item>
      <Form.Item name="onlineMode" label={t('procedures.col.online')}>
        <Select
          options={(['full', 'partial', 'none'] as const).map((m) => ({
            value: m,
            label: t(`procedures.online.${m}` as MessageKey),
          }))}
        />
      </Form.Item>
      <Form.Item name="onlineLevel" label={t('procedures.onlineLevel')}>
        <InputNumber min={1} max={4} />
      </Form.Item>
      <Form.Item name="onNationalPortal" valuePropName="checked">
        <Checkbox>{t('procedures.col.portal')}</Checkbox>
      </Form.Item>
      <Form.Item name="legalBasis" label={t('procedures.legalBasis')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="active" valuePropName="checked">
        <Checkbox>{t('procedures.active')}</Checkbox>
      </Form.Item>
      <Form.Item name="effectiveFrom" label={t('procedures.effectiveFrom')} extra={t('procedures.effectiveFromHint')}>
        <DateInput data-testid="procedure-form-effective-from" />
      </Form.Item>
    </ModalForm>
  );
}
