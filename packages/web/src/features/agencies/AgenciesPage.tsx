import { useRef, useState } from 'react';
import { dataCell } from '../../kernel/format';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Table, Tag, Typography } from 'antd';
import type { InputRef, TableColumnsType } from 'antd';
import { AgencyBody, AgencyCode } from '@ansinh/domain';
import type { AgencyOut, PatchAgencyBody } from '@ansinh/domain';
import { meKey } from '../../kernel/authApi';
import { zodRule } from '../../kernel/forms';
import { useT } from '../../kernel/i18n';
import { PageHead } from '../../components/PageHead';
import { ModalForm, useModalForm } from '../../components/ModalForm';
import { agenciesApi, agenciesKeys } from './api';

/** The form's values: lists are typed one item a line, dates as YYYY-MM-DD (empty: none). */
interface Values {
  code: string;
  name: string;
  headerName: string;
  parentName: string;
  symbol: string;
  place: string;
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
  recipients: string;
  fields: string;
  activeFrom: string;
  activeTo: string;
}
const FIELDS = Object.keys({
  code: 1,
  name: 1,
  headerName: 1,
  parentName: 1,
  symbol: 1,
  place: 1,
  signerAuthority: 1,
  signerTitle: 1,
  signerName: 1,
  recipients: 1,
  fields: 1,
  activeFrom: 1,
  activeTo: 1,
} satisfies Record<keyof Values, 1>);

const lines = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);
const toBody = (v: Values) => ({
  name: v.name.trim(),
  headerName: v.headerName.trim(),
  parentName: v.parentName.trim(),
  symbol: v.symbol.trim(),
  place: v.place.trim(),
  signerAuthority: (v.signerAuthority ?? '').trim(),
  signerTitle: v.signerTitle.trim(),
  signerName: v.signerName.trim(),
  recipients: lines(v.recipients),
  fields: lines(v.fields),
  activeFrom: v.activeFrom?.trim() || null,
  activeTo: v.activeTo?.trim() || null,
});
const toValues = (a: AgencyOut): Values => ({
  ...a,
  recipients: a.recipients.join('\n'),
  fields: a.fields.join('\n'),
  activeFrom: a.activeFrom ?? '',
  activeTo: a.activeTo ?? '',
});

/** Create (no `agency`) or edit an agency. Mounted only while open. */
function AgencyModal({ agency, onClose }: { agency?: AgencyOut; onClose: () => void }) {
  const t = useT();
  const f = useModalForm<Values>(FIELDS, onClose);
  const firstRef = useRef<InputRef>(null);
  const save = useMutation({
    mutationFn: (v: Values) => {
      if (!agency) return agenciesApi.create({ code: v.code.trim(), ...toBody(v) });
      const before = toBody(toValues(agency));
      const after = toBody(v);
      const body: PatchAgencyBody = Object.fromEntries(
        Object.entries(after).filter(
          ([k, x]) => JSON.stringify(x) !== JSON.stringify(before[k as keyof typeof before]),
        ),
      );
      return agenciesApi.patch(agency.id, body);
    },
    onSuccess: (a) =>
      f.done(t(agency ? 'agencies.updated' : 'agencies.created', { code: a.code }), agenciesKeys.all, meKey),
    onError: f.showError,
  });
  const text = (name: keyof Values, rule?: Parameters<typeof zodRule>[0], placeholder?: string, extra?: string) => (
    <Form.Item name={name} label={t(`agencies.form.${name}`)} extra={extra} rules={rule ? [zodRule(rule)] : []}>
      <Input data-testid={`agency-form-${name}`} placeholder={placeholder} />
    </Form.Item>
  );
  const S = AgencyBody.shape;
  return (
    <ModalForm<Values>
      state={f}
      width={640}
      title={agency ? t('agencies.editTitle', { code: agency.code }) : t('agencies.createTitle')}
      focusRef={firstRef}
      errorTestId="agency-form-error"
      submit={{
        label: agency ? t('common.save') : t('agencies.form.create'),
        testId: 'agency-form-submit',
        loading: save.isPending,
      }}
      initialValues={agency ? toValues(agency) : { signerAuthority: 'KT. GIÁM ĐỐC', signerTitle: 'PHÓ GIÁM ĐỐC' }}
      onFinish={(v) => (agency ? f.saveChanges(v, save.mutate, t('agencies.noChanges')) : save.mutate(v))}
    >
      {!agency && (
        <Form.Item
          name="code"
          label={t('agencies.form.code')}
          extra={t('agencies.form.codeHint')}
          rules={[zodRule(AgencyCode)]}
        >
          <Input data-testid="agency-form-code" ref={firstRef} autoFocus autoCapitalize="characters" />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('agencies.form.name')} rules={[zodRule(S.name)]}>
        <Input data-testid="agency-form-name" placeholder={t('agencies.form.namePlaceholder')} />
      </Form.Item>
      {text('headerName', S.headerName, 'SỞ NỘI VỤ')}
      {text('parentName', S.parentName, t('agencies.form.parentPlaceholder'))}
      {text('symbol', S.symbol, 'SNV', t('agencies.form.symbolHint'))}
      {text('place', S.place)}
      {text('signerAuthority')}
      {text('signerTitle', S.signerTitle)}
      {text('signerName', S.signerName)}
      <Form.Item name="recipients" label={t('agencies.form.recipients')}>
        <Input.TextArea data-testid="agency-form-recipients" autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="fields" label={t('agencies.form.fields')}>
        <Input.TextArea data-testid="agency-form-fields" autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      {text('activeFrom', undefined, '2025-03-01')}
      {text('activeTo')}
    </ModalForm>
  );
}

/** `/users/agencies`: the province's agencies, for its administrator (list, add, edit). */
export default function AgenciesPage() {
  const t = useT();
  const [dialog, setDialog] = useState<{ agency?: AgencyOut } | null>(null);
  const list = useQuery({ queryKey: agenciesKeys.all, queryFn: ({ signal }) => agenciesApi.list(signal) });
  const columns: TableColumnsType<AgencyOut> = [
    {
      title: t('agencies.col.code'),
      dataIndex: 'code',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      onCell: dataCell,
      title: t('agencies.col.name'),
      key: 'name',
      render: (_: unknown, a) => (
        <span>
          {a.name}
          <br />
          <Typography.Text type="secondary">
            {a.parentName} · {a.headerName}
          </Typography.Text>
        </span>
      ),
    },
    { onCell: dataCell, title: t('agencies.col.symbol'), dataIndex: 'symbol' },
    {
      onCell: dataCell,
      title: t('agencies.col.signer'),
      key: 'signer',
      render: (_: unknown, a) => `${a.signerAuthority ? `${a.signerAuthority} ` : ''}${a.signerTitle} ${a.signerName}`,
    },
    {
      onCell: dataCell,
      title: t('agencies.col.fields'),
      dataIndex: 'fields',
      render: (f: string[]) => f.map((x) => <Tag key={x}>{x}</Tag>),
    },
    {
      title: t('agencies.col.active'),
      key: 'active',
      render: (_: unknown, a) => `${a.activeFrom ?? '…'} – ${a.activeTo ?? '…'}`,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, a) => (
        <Button type="link" size="small" data-testid={`agency-edit-${a.code}`} onClick={() => setDialog({ agency: a })}>
          {t('agencies.edit')}
        </Button>
      ),
    },
  ];
  return (
    <div>
      <PageHead
        title={t('agencies.title')}
        intro={t('agencies.intro')}
        extra={
          <Button type="primary" data-testid="agencies-create" onClick={() => setDialog({})}>
            {t('agencies.create')}
          </Button>
        }
      />
      {list.isError && <Alert type="error" showIcon message={String(list.error)} />}
      <Table<AgencyOut>
        data-testid="agencies-table"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('agencies.empty') }}
        scroll={{ x: true }}
      />
      {dialog && <AgencyModal agency={dialog.agency} onClose={() => setDialog(null)} />}
    </div>
  );
}
