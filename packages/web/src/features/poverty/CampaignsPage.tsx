import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { CASE_STEPS, type CampaignOut, type CreateCampaignBody } from '@ansinh/domain';
import { hasAbility, useMe } from '../../kernel/auth';
import { useErrorText } from '../../kernel/errors';
import { LoadError } from '../../components/LoadError';
import { PageHead } from '../../components/PageHead';
import { pk, povertyApi } from './api';
import { usePovertyT } from './messages';
import { IsoDateInput } from '../../components/DateInput';
import { dataCell } from '../../kernel/format';

/** The campaigns of the actor's area, a form to open one (commune), and the province's progress. */
export default function CampaignsPage() {
  const t = usePovertyT();
  const me = useMe();
  const [year, setYear] = useState<number | undefined>(undefined);
  const q = useQuery({
    queryKey: pk.campaigns(year),
    queryFn: ({ signal }) => povertyApi.campaigns({ ...(year ? { year } : {}) }, signal),
  });
  const canManage = hasAbility(me, 'poverty.manage');
  const wide = me.areaCode !== null && me.areaCode.length < 5;
  return (
    <>
      <PageHead
        title={t('title')}
        intro={t('intro')}
        extra={<Link to="/poverty/breakdown">{t('breakdown.link')}</Link>}
      />
      {canManage ? <NewCampaign communeCode={me.areaCode ?? ''} /> : null}
      <Space style={{ marginBottom: 12 }}>
        {t('year')}
        <InputNumber
          min={2016}
          max={2030}
          value={year ?? null}
          onChange={(v) => setYear(v ?? undefined)}
          data-testid="poverty-year"
        />
      </Space>
      {q.error ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : null}
      <Card title={wide ? t('progress.title') : undefined}>
        <Table<CampaignOut>
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: t('campaigns.empty') }}
          pagination={{ pageSize: 50 }}
          columns={[
            {
              onCell: dataCell,
              title: t('campaign.commune'),
              render: (_, c) => <Link to={`/poverty/campaigns/${c.id}`}>{c.communeName}</Link>,
            },
            { title: t('campaign.year'), dataIndex: 'year' },
            {
              title: t('campaign.kind'),
              render: (_, c) => t(c.kind === 'periodic' ? 'campaign.kind.periodic' : 'campaign.kind.adhoc'),
            },
            ...CASE_STEPS.map((s) => ({ title: t(`step.${s}`), render: (_: unknown, c: CampaignOut) => c.steps[s] })),
          ]}
        />
      </Card>
    </>
  );
}

function NewCampaign({ communeCode }: { communeCode: string }) {
  const t = usePovertyT();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateCampaignBody>();
  const create = useMutation({
    mutationFn: (b: CreateCampaignBody) => povertyApi.create(b),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: pk.all });
      void navigate(`/poverty/campaigns/${c.id}`);
    },
  });
  const y = new Date().getFullYear();
  return (
    <Card title={t('campaign.new')} style={{ marginBottom: 16 }} className="no-print">
      {create.error ? (
        <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form
        form={form}
        layout="inline"
        initialValues={{
          communeCode,
          kind: 'periodic',
          year: y,
          reviewDate: `${y}-10-01`,
          windowFrom: `${y}-09-01`,
          windowTo: `${y}-12-14`,
        }}
        onFinish={(v) => create.mutate({ ...v, year: Number(v.year), board: [], reviewers: [] })}
      >
        <Form.Item name="communeCode" label={t('campaign.commune')}>
          <Input style={{ width: 90 }} data-testid="campaign-commune" />
        </Form.Item>
        <Form.Item name="kind" label={t('campaign.kind')}>
          <Select
            style={{ width: 130 }}
            options={[
              { value: 'periodic', label: t('campaign.kind.periodic') },
              { value: 'adhoc', label: t('campaign.kind.adhoc') },
            ]}
          />
        </Form.Item>
        <Form.Item name="year" label={t('campaign.year')}>
          <InputNumber min={2015} max={2030} />
        </Form.Item>
        <Form.Item name="reviewDate" label={t('campaign.reviewDate')}>
          <IsoDateInput data-testid="campaign-review-date" />
        </Form.Item>
        <Form.Item name="windowFrom" label={t('posting.from')}>
          <IsoDateInput />
        </Form.Item>
        <Form.Item name="windowTo" label={t('posting.to')}>
          <IsoDateInput />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="campaign-create">
          {t('campaign.new')}
        </Button>
      </Form>
    </Card>
  );
}
