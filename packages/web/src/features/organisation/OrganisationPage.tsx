import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { formatNumberVi, ORG_UNIT_KINDS, type OrgUnitOut, type OrgUnitKind, type StaffingBody } from '@ansinh/domain';
import { hasAbility, useAuth } from '../../kernel/auth';
import { useErrorText } from '../../kernel/errors';
import { formatDate } from '../../kernel/format';
import { useLang, useT } from '../../kernel/i18n';
import { DateInput, isoOf } from '../../components/DateInput';
import { LoadError } from '../../components/LoadError';
import { PageHead } from '../../components/PageHead';
import { orgKeys, organisationApi } from './api';

interface UnitForm {
  name: string;
  kind: OrgUnitKind;
  parentId?: number;
  activeFrom: Dayjs;
}

/** The agency's units (counted on a date: before/after a reorganisation) and its staffing by year. */
export default function OrganisationPage() {
  const t = useT();
  const { lang } = useLang();
  const { me } = useAuth();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const canManage = hasAbility(me, 'organisation.manage');
  const [onDate, setOnDate] = useState<string | undefined>(undefined);
  const [closeOn, setCloseOn] = useState<Dayjs | null>(null);
  const units = useQuery({
    queryKey: orgKeys.units(onDate),
    queryFn: ({ signal }) => organisationApi.units(onDate, signal),
  });
  const all = useQuery({
    queryKey: orgKeys.units(undefined),
    queryFn: ({ signal }) => organisationApi.units(undefined, signal),
  });
  const staffing = useQuery({ queryKey: orgKeys.staffing, queryFn: ({ signal }) => organisationApi.staffing(signal) });
  const done = (text: string) => {
    void qc.invalidateQueries({ queryKey: orgKeys.all });
    void message.success(text);
  };
  const onError = (e: unknown) => void message.error(errorText(e));
  const [unitForm] = Form.useForm<UnitForm>();
  const createUnit = useMutation({
    mutationFn: (v: UnitForm) =>
      organisationApi.createUnit({
        name: v.name,
        kind: v.kind,
        parentId: v.parentId ?? null,
        activeFrom: isoOf(v.activeFrom) ?? '',
      }),
    onSuccess: () => {
      unitForm.resetFields();
      done(t('organisation.unit.saved'));
    },
    onError,
  });
  const closeUnit = useMutation({
    mutationFn: ({ u, to }: { u: OrgUnitOut; to: string }) =>
      organisationApi.updateUnit(u.id, {
        name: u.name,
        kind: u.kind as OrgUnitKind,
        parentId: u.parentId,
        activeFrom: u.activeFrom,
        activeTo: to,
        agencyCode: u.agencyCode,
        note: u.note,
      }),
    onSuccess: () => done(t('organisation.unit.saved')),
    onError,
  });
  const [staffForm] = Form.useForm<StaffingBody & { year: number }>();
  const putStaffing = useMutation({
    mutationFn: ({ year, ...b }: StaffingBody & { year: number }) => organisationApi.putStaffing(year, b),
    onSuccess: (s) => done(t('organisation.staffing.saved', { year: s.year })),
    onError,
  });
  const kindLabel = (k: string) => ORG_UNIT_KINDS.find((x) => x.code === k)?.[lang] ?? k;
  const nameOf = (id: number | null) => (id ? (all.data?.items.find((u) => u.id === id)?.name ?? `#${id}`) : '');
  const num = (key: Parameters<typeof t>[0], name: keyof StaffingBody) => (
    <Form.Item name={name} label={t(key)} rules={[{ required: true }]}>
      <InputNumber min={0} style={{ width: 120 }} data-testid={`staffing-${name}`} />
    </Form.Item>
  );

  return (
    <>
      <PageHead title={t('organisation.title')} intro={t('organisation.intro')} />
      <Card title={t('organisation.units')} style={{ marginBottom: 16 }}>
        <Space style={{ marginBottom: 12 }} wrap>
          <span>{t('organisation.onDate')}</span>
          <DateInput width={160} onChange={(d) => setOnDate(isoOf(d as Dayjs | null))} data-testid="units-on-date" />
          {units.data && <strong>{t('organisation.unitCount', { count: units.data.total })}</strong>}
        </Space>
        {canManage && (
          <Form<UnitForm>
            form={unitForm}
            layout="inline"
            style={{ marginBottom: 12, rowGap: 8 }}
            initialValues={{ kind: 'division' }}
            onFinish={(v) => createUnit.mutate(v)}
          >
            <Form.Item name="name" rules={[{ required: true, min: 2 }]}>
              <Input
                placeholder={t('organisation.unit.name')}
                aria-label={t('organisation.unit.name')}
                data-testid="unit-name"
              />
            </Form.Item>
            <Form.Item name="kind" label={t('organisation.unit.kind')}>
              <Select style={{ width: 220 }} options={ORG_UNIT_KINDS.map((k) => ({ value: k.code, label: k[lang] }))} />
            </Form.Item>
            <Form.Item name="parentId" label={t('organisation.unit.parent')}>
              <Select
                allowClear
                style={{ width: 220 }}
                options={(all.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
            <Form.Item name="activeFrom" label={t('organisation.unit.from')} rules={[{ required: true }]}>
              <DateInput width={150} data-testid="unit-from" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={createUnit.isPending} data-testid="unit-add">
              {t('organisation.unit.add')}
            </Button>
          </Form>
        )}
        {units.error && <LoadError error={units.error} onRetry={() => void units.refetch()} />}
        <Table
          rowKey="id"
          size="small"
          data-testid="units"
          loading={units.isLoading}
          dataSource={units.data?.items ?? []}
          locale={{ emptyText: t('organisation.none') }}
          pagination={false}
          columns={[
            { title: t('organisation.unit.name'), dataIndex: 'name' },
            { title: t('organisation.unit.kind'), dataIndex: 'kind', render: kindLabel },
            { title: t('organisation.unit.parent'), dataIndex: 'parentId', render: nameOf },
            { title: t('organisation.unit.from'), dataIndex: 'activeFrom', render: (d: string) => formatDate(d) },
            {
              title: t('organisation.unit.to'),
              dataIndex: 'activeTo',
              render: (d: string | null, u: OrgUnitOut) =>
                d ? (
                  formatDate(d)
                ) : canManage ? (
                  <Popconfirm
                    title={t('organisation.unit.closeTitle')}
                    description={<DateInput width={160} onChange={(v) => setCloseOn(v as Dayjs | null)} />}
                    onConfirm={() => {
                      const to = isoOf(closeOn);
                      if (to) closeUnit.mutate({ u, to });
                    }}
                  >
                    <Button size="small">{t('organisation.unit.close')}</Button>
                  </Popconfirm>
                ) : (
                  t('organisation.unit.active')
                ),
            },
          ]}
        />
      </Card>
      <Card title={t('organisation.staffing')}>
        {canManage && (
          <Form<StaffingBody & { year: number }>
            form={staffForm}
            layout="inline"
            style={{ marginBottom: 12, rowGap: 8 }}
            initialValues={{
              year: new Date().getFullYear(),
              trainedPolitical: 0,
              trainedStateManagement: 0,
              trainedProfessional: 0,
              trainedOther: 0,
            }}
            onFinish={(v) => putStaffing.mutate(v)}
          >
            <Form.Item name="year" label={t('organisation.staffing.year')} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} style={{ width: 100 }} data-testid="staffing-year" />
            </Form.Item>
            {num('organisation.staffing.approved', 'approvedPosts')}
            {num('organisation.staffing.start', 'staffStart')}
            {num('organisation.staffing.end', 'staffEnd')}
            {num('organisation.staffing.cut', 'staffCut')}
            {num('organisation.staffing.political', 'trainedPolitical')}
            {num('organisation.staffing.stateManagement', 'trainedStateManagement')}
            {num('organisation.staffing.professional', 'trainedProfessional')}
            {num('organisation.staffing.other', 'trainedOther')}
            <Button type="primary" htmlType="submit" loading={putStaffing.isPending} data-testid="staffing-save">
              {t('organisation.staffing.save')}
            </Button>
          </Form>
        )}
        {staffing.error && <LoadError error={staffing.error} onRetry={() => void staffing.refetch()} />}
        <Table
          rowKey="id"
          size="small"
          data-testid="staffing"
          loading={staffing.isLoading}
          dataSource={staffing.data?.items ?? []}
          locale={{ emptyText: t('organisation.none') }}
          pagination={false}
          onRow={(s) => ({ onDoubleClick: () => canManage && staffForm.setFieldsValue(s) })}
          columns={[
            { title: t('organisation.staffing.year'), dataIndex: 'year' },
            { title: t('organisation.staffing.approved'), dataIndex: 'approvedPosts', align: 'right' },
            { title: t('organisation.staffing.start'), dataIndex: 'staffStart', align: 'right' },
            { title: t('organisation.staffing.end'), dataIndex: 'staffEnd', align: 'right' },
            { title: t('organisation.staffing.cut'), dataIndex: 'staffCut', align: 'right' },
            {
              title: t('organisation.staffing.cutPercent'),
              dataIndex: 'staffCutPercent',
              align: 'right',
              render: (p: number | null) => (p === null ? '' : `${formatNumberVi(p, 2)}%`),
            },
            {
              title: t('organisation.staffing.trained'),
              align: 'right',
              render: (_: unknown, s) =>
                s.trainedPolitical + s.trainedStateManagement + s.trainedProfessional + s.trainedOther,
            },
          ]}
        />
      </Card>
    </>
  );
}
