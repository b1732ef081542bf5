import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Select } from 'antd';
import type { PersonListItem, ReceiveDossierBody } from '@ansinh/domain';
import { registryApi } from '../registry';
import { useAuth } from '../../kernel/auth';
import { useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { FormErrors, useFormWithErrors } from '../../components/FormErrors';
import { dk, dossiersApi } from './api';
import { DossiersHead, pathText } from './shared';

interface Values {
  personId?: number;
  procedureId: number;
  channel: 'counter' | 'post' | 'online' | 'assisted';
  communeCode: string;
  applicantName: string;
  applicantPhone?: string;
  applicantIdNumber?: string;
  applicantAddress?: string;
  delivery: 'counter' | 'post' | 'home' | 'online';
  assistedReason?: 'elderly' | 'disability' | 'illness' | 'child' | 'no_device' | 'other';
  assistedNote?: string;
  documents?: string;
  note?: string;
}
const FIELDS = [
  'personId',
  'procedureId',
  'channel',
  'communeCode',
  'applicantName',
  'applicantPhone',
  'applicantIdNumber',
  'applicantAddress',
  'delivery',
  'assistedReason',
  'assistedNote',
  'documents',
  'note',
];

/** The one-stop counter's intake form; on success the receipt and appointment slip opens. */
export default function ReceivePage() {
  const t = useT();
  const { me } = useAuth();
  const nav = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { form, errors, setErrors, showError } = useFormWithErrors<Values>(FIELDS);
  const [search, setSearch] = useState('');
  const procedures = useQuery({
    queryKey: dk.procedures({ q: search, pageSize: 100, active: '1' }),
    queryFn: ({ signal }) => dossiersApi.procedures({ q: search || undefined, pageSize: 100, active: '1' }, signal),
  });
  const [who, setWho] = useState('');
  const persons = useQuery({
    queryKey: ['dossiers', 'persons', who],
    queryFn: ({ signal }) => registryApi.persons({ q: who, pageSize: 20 }, signal),
    enabled: who.trim().length >= 3,
  });
  const pickPerson = (id: number | undefined) => {
    const p: PersonListItem | undefined = persons.data?.items.find((x) => x.id === id);
    if (!p) return;
    form.setFieldsValue({
      applicantName: p.fullName,
      applicantPhone: p.phone ?? '',
      applicantIdNumber: p.citizenId ?? '',
      communeCode: p.communeCode,
      applicantAddress: [p.village, p.communeName].filter(Boolean).join(', '),
    });
  };
  const channel = Form.useWatch('channel', form);
  const procedureId = Form.useWatch('procedureId', form);
  const chosen = procedures.data?.items.find((p) => p.id === procedureId);

  const receive = useMutation({
    mutationFn: (v: Values) => {
      const body: ReceiveDossierBody = {
        procedureId: v.procedureId,
        personId: v.personId ?? null,
        channel: v.channel,
        communeCode: v.communeCode.trim(),
        applicantName: v.applicantName,
        applicantPhone: v.applicantPhone?.trim() || null,
        applicantIdNumber: v.applicantIdNumber?.trim() || null,
        applicantAddress: v.applicantAddress ?? '',
        delivery: v.delivery,
        assistedReason: v.channel === 'assisted' ? (v.assistedReason ?? null) : null,
        assistedNote: v.assistedNote ?? '',
        documents: (v.documents ?? '')
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        note: v.note ?? '',
      };
      return dossiersApi.receive(body);
    },
    onSuccess: async (d) => {
      void message.success(t('dossiers.received', { code: d.code }));
      await qc.invalidateQueries({ queryKey: dk.all });
      void nav(`/dossiers/${d.id}/print/receipt`);
    },
    onError: showError,
  });

  const opt = <K extends string>(prefix: string, keys: readonly K[]) =>
    keys.map((k) => ({ value: k, label: t(`${prefix}.${k}` as MessageKey) }));
  return (
    <>
      <DossiersHead title={t('dossiers.receive')} intro={t('dossiers.form.assistedIntro')} />
      <Card style={{ maxWidth: 760 }}>
        <FormErrors messages={errors} testId="receive-errors" />
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          autoComplete="off"
          initialValues={{
            channel: 'counter',
            delivery: 'counter',
            communeCode: me && /^\d{5}$/.test(me.areaCode) ? me.areaCode : '',
          }}
          onFinish={(v) => {
            setErrors([]);
            receive.mutate(v);
          }}
        >
          <Form.Item
            name="procedureId"
            label={t('dossiers.form.procedure')}
            extra={chosen ? pathText(t, chosen.path) : t('dossiers.form.procedureHelp')}
            rules={[{ required: true, message: t('dossiers.form.procedureHelp') }]}
          >
            <Select
              data-testid="receive-procedure"
              showSearch={{ filterOption: false, onSearch: setSearch }}
              options={(procedures.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` }))}
              loading={procedures.isFetching}
            />
          </Form.Item>
          <Form.Item name="channel" label={t('dossiers.form.channel')}>
            <Select
              data-testid="receive-channel"
              options={opt('dossiers.channel', ['counter', 'post', 'online', 'assisted'] as const)}
            />
          </Form.Item>
          {channel === 'assisted' && (
            <>
              <Alert type="info" showIcon title={t('dossiers.form.assistedIntro')} style={{ marginBottom: 12 }} />
              <Form.Item
                name="assistedReason"
                label={t('dossiers.form.assistedReason')}
                rules={[{ required: true, message: t('dossiers.form.assistedReason') }]}
              >
                <Select
                  data-testid="receive-reason"
                  options={opt('dossiers.reason', [
                    'elderly',
                    'disability',
                    'illness',
                    'child',
                    'no_device',
                    'other',
                  ] as const)}
                />
              </Form.Item>
              <Form.Item name="assistedNote" label={t('dossiers.form.assistedNote')}>
                <Input data-testid="receive-assisted-note" />
              </Form.Item>
            </>
          )}
          <Form.Item name="personId" label={t('dossiers.form.person')} extra={t('dossiers.form.personHelp')}>
            <Select
              data-testid="receive-person"
              allowClear
              showSearch={{ filterOption: false, onSearch: setWho }}
              onChange={(id: number | undefined) => pickPerson(id)}
              options={(persons.data?.items ?? []).map((p) => ({
                value: p.id,
                label: `${p.fullName} · ${p.birthDate} · ${p.citizenId ?? ''} · ${p.communeName}`,
              }))}
              loading={persons.isFetching}
            />
          </Form.Item>
          <Form.Item
            name="communeCode"
            label={t('dossiers.form.commune')}
            rules={[{ required: true, pattern: /^\d{5}$/, message: 'Mã xã gồm 5 chữ số' }]}
          >
            <Input data-testid="receive-commune" inputMode="numeric" maxLength={5} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="applicantName"
            label={t('dossiers.form.name')}
            rules={[{ required: true, message: t('dossiers.form.name') }]}
          >
            <Input data-testid="receive-name" />
          </Form.Item>
          <Form.Item name="applicantPhone" label={t('dossiers.form.phone')}>
            <Input data-testid="receive-phone" inputMode="tel" />
          </Form.Item>
          <Form.Item name="applicantIdNumber" label={t('dossiers.form.idNumber')}>
            <Input data-testid="receive-id" inputMode="numeric" maxLength={12} />
          </Form.Item>
          <Form.Item name="applicantAddress" label={t('dossiers.form.address')}>
            <Input data-testid="receive-address" />
          </Form.Item>
          <Form.Item name="delivery" label={t('dossiers.form.delivery')}>
            <Select
              data-testid="receive-delivery"
              options={opt('dossiers.delivery', ['counter', 'post', 'home', 'online'] as const)}
            />
          </Form.Item>
          <Form.Item name="documents" label={t('dossiers.form.documents')}>
            <Input.TextArea data-testid="receive-documents" rows={3} />
          </Form.Item>
          <Form.Item name="note" label={t('dossiers.form.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button data-testid="receive-submit" type="primary" htmlType="submit" loading={receive.isPending}>
            {t('dossiers.form.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
