import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import type { ReceptionEntryOut } from '@ansinh/domain';
import { hasAbility, useAuth } from '../../kernel/auth';
import { formatDate } from '../../kernel/format';
import { useT } from '../../kernel/i18n';
import { FormErrors, useFormWithErrors } from '../../components/FormErrors';
import { petitionsApi, pk } from './api';
import { kindLabel, PetitionsHead, todayIso } from './shared';
import { IsoDateInput } from '../../components/DateInput';
import { dataCell } from '../../kernel/format';

const FIELDS = [
  'date',
  'name',
  'address',
  'idNumber',
  'summary',
  'kind',
  'people',
  'settledBy',
  'withinCompetence',
  'guidance',
  'acceptedBy',
  'note',
  'statementSigned',
] as const;
type Values = Record<(typeof FIELDS)[number], string | number | boolean | undefined>;

/** The reception book (Mẫu 03/TCD): write a line, read the period, download it as XLSX. */
export default function ReceptionPage() {
  const t = useT();
  const qc = useQueryClient();
  const { me } = useAuth();
  const { message } = App.useApp();
  const year = todayIso().slice(0, 4);
  const [period, setPeriod] = useState({ from: `${year}-01-01`, to: todayIso() });
  const { form, errors, setErrors, showError } = useFormWithErrors<Values>(FIELDS);
  const list = useQuery({
    queryKey: pk.entries(period),
    queryFn: ({ signal }) => petitionsApi.entries({ ...period, pageSize: '200' }, signal),
  });
  const save = useMutation({
    mutationFn: (v: Values) => petitionsApi.addEntry(v as object),
    onSuccess: async () => {
      setErrors([]);
      form.resetFields();
      void message.success(t('petitions.saved'));
      await qc.invalidateQueries({ queryKey: pk.all });
    },
    onError: showError,
  });
  return (
    <>
      <PetitionsHead title={t('petitions.reception.title')} />
      {hasAbility(me, 'petitions.receive') ? (
        <Card title={t('petitions.reception.add')} style={{ marginBottom: 16 }}>
          <FormErrors messages={errors} />
          <Form
            form={form}
            layout="vertical"
            initialValues={{ date: todayIso(), kind: 'proposal', people: 1, withinCompetence: true }}
            onFinish={(v) => save.mutate(v)}
            data-testid="entry-form"
          >
            <Space wrap align="start">
              <Form.Item name="date" label={t('petitions.date')}>
                <IsoDateInput />
              </Form.Item>
              <Form.Item name="name" label={t('petitions.letter.name')}>
                <Input autoFocus />
              </Form.Item>
              <Form.Item name="address" label={t('petitions.letter.address')}>
                <Input />
              </Form.Item>
              <Form.Item name="idNumber" label={t('petitions.letter.idNumber')}>
                <Input />
              </Form.Item>
              <Form.Item name="kind" label={t('petitions.col.kind')}>
                <Select
                  style={{ width: 180 }}
                  options={(['complaint', 'denunciation', 'proposal'] as const).map((k) => ({
                    value: k,
                    label: kindLabel(t, k),
                  }))}
                />
              </Form.Item>
              <Form.Item name="people" label={t('petitions.reception.people')}>
                <InputNumber min={1} />
              </Form.Item>
            </Space>
            <Form.Item name="summary" label={t('petitions.col.summary')}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Space wrap align="start">
              <Form.Item name="settledBy" label={t('petitions.reception.settledBy')}>
                <Input />
              </Form.Item>
              <Form.Item name="guidance" label={t('petitions.reception.guidance')}>
                <Input />
              </Form.Item>
              <Form.Item name="acceptedBy" label={t('petitions.reception.acceptedBy')}>
                <Input />
              </Form.Item>
              <Form.Item name="note" label={t('petitions.note')}>
                <Input />
              </Form.Item>
            </Space>
            <Space>
              <Form.Item name="withinCompetence" valuePropName="checked" noStyle>
                <Checkbox>{t('petitions.classify.competence')}</Checkbox>
              </Form.Item>
              <Form.Item name="statementSigned" valuePropName="checked" noStyle>
                <Checkbox>{t('petitions.reception.signed')}</Checkbox>
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Space>
          </Form>
        </Card>
      ) : null}
      <Space wrap style={{ marginBottom: 12 }}>
        <IsoDateInput width={160} value={period.from} onChange={(v) => setPeriod({ ...period, from: v })} />
        <IsoDateInput width={160} value={period.to} onChange={(v) => setPeriod({ ...period, to: v })} />
        <a href={petitionsApi.bookUrl(period.from, period.to)} data-testid="book-download">
          {t('petitions.reception.book')}
        </a>
        <a href={petitionsApi.bookDocxUrl(period.from, period.to)} data-testid="book-docx">
          {t('petitions.reception.bookDocx')}
        </a>
      </Space>
      <Table<ReceptionEntryOut>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('petitions.none') }}
        columns={[
          { title: 'STT', dataIndex: 'seq' },
          { title: t('petitions.date'), dataIndex: 'date', render: (v: string) => formatDate(v) },
          {
            onCell: dataCell,
            title: t('petitions.col.sender'),
            key: 'n',
            render: (_: unknown, e) =>
              e.identityRestricted ? <i>{t('petitions.secret')}</i> : `${e.name} — ${e.address}`,
          },
          { onCell: dataCell, title: t('petitions.col.summary'), dataIndex: 'summary', ellipsis: true },
          { title: t('petitions.col.kind'), key: 'k', render: (_: unknown, e) => kindLabel(t, e.kind) },
          { title: t('petitions.reception.people'), dataIndex: 'people' },
        ]}
      />
    </>
  );
}
