import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { CreateFairBody } from '@ansinh/domain';
import { hasAbility, useAuth } from '../../kernel/auth';
import { useErrorText } from '../../kernel/errors';
import { formatDate } from '../../kernel/format';
import { useT, type MessageKey } from '../../kernel/i18n';
import { LoadError } from '../../components/LoadError';
import { ek, employmentApi } from './api';
import { EmploymentHead } from './shared';
import { dataCell } from '../../kernel/format';

/** Job fairs of a year, with their counts; the centre opens a new one here. */
export default function FairsPage() {
  const t = useT();
  const { me } = useAuth();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const nav = useNavigate();
  const qc = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const list = useQuery({ queryKey: ek.fairs(year), queryFn: ({ signal }) => employmentApi.fairs(year, signal) });
  const create = useMutation({
    mutationFn: (b: CreateFairBody) => employmentApi.createFair(b),
    onSuccess: (f) => {
      void qc.invalidateQueries({ queryKey: ek.all });
      void nav(`/employment/fairs/${f.id}`);
    },
    onError: (e) => void message.error(errorText(e)),
  });
  return (
    <>
      <EmploymentHead />
      <Space style={{ marginBottom: 12 }} wrap>
        <span>{t('employment.progress.year')}</span>
        <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
      </Space>
      {hasAbility(me, 'employment.serve') && (
        <Form<{ name: string; date: string; place: string; mode: 'offline' | 'online' | 'hybrid' }>
          layout="inline"
          style={{ marginBottom: 12 }}
          initialValues={{ mode: 'offline' }}
          onFinish={(v) => create.mutate({ ...v, districtCode: null })}
        >
          <Form.Item name="name" rules={[{ required: true }]}>
            <Input placeholder={t('employment.fair.name')} data-testid="fair-name" />
          </Form.Item>
          <Form.Item name="date" rules={[{ required: true }]}>
            <Input placeholder="YYYY-MM-DD" data-testid="fair-date" style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="place" rules={[{ required: true }]}>
            <Input placeholder={t('employment.fair.place')} data-testid="fair-place" />
          </Form.Item>
          <Form.Item name="mode">
            <Select
              style={{ width: 130 }}
              options={(['offline', 'online', 'hybrid'] as const).map((m) => ({
                value: m,
                label: t(`employment.fair.mode.${m}` as MessageKey),
              }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="fair-create">
            {t('employment.fair.new')}
          </Button>
        </Form>
      )}
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      <Table
        rowKey="id"
        data-testid="fairs"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('employment.none') }}
        pagination={false}
        columns={[
          { title: t('employment.fair.date'), dataIndex: 'date', render: (d: string) => formatDate(d) },
          {
            onCell: dataCell,
            title: t('employment.fair.name'),
            dataIndex: 'name',
            render: (n: string, f) => <Link to={`/employment/fairs/${f.id}`}>{n}</Link>,
          },
          { onCell: dataCell, title: t('employment.fair.place'), dataIndex: 'place' },
          {
            title: t('employment.fair.mode'),
            dataIndex: 'mode',
            render: (m: string) => t(`employment.fair.mode.${m}` as MessageKey),
          },
          { title: '', render: (_: unknown, f) => t('employment.fair.counts', f.counts) },
        ]}
      />
    </>
  );
}
