import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Segmented, Space, Table, Tag } from 'antd';
import { CASE_STEPS, POVERTY_CLASS_LABELS, type PovertyCaseOut } from '@ansinh/domain';
import { useErrorText } from '../../kernel/errors';
import { pick, useLang, usePrintInVietnamese } from '../../kernel/i18n';
import { LoadError } from '../../components/LoadError';
import { PageHead } from '../../components/PageHead';
import { pk, povertyApi } from './api';
import { usePovertyT, usePovertyTN } from './messages';
import { ImportPanel } from './ImportPanel';
import { StepForms } from './StepForms';
import { SurveyDrawer } from './SurveyDrawer';
import { dataCell, formatDate } from '../../kernel/format';

/** The commune's campaign board: households by step, the step records, the decision, the printable list. */
export default function CampaignPage() {
  usePrintInVietnamese(); // printed as it shows: an official paper, in Vietnamese
  const id = Number(useParams().id);
  const t = usePovertyT();
  const tn = usePovertyTN();
  const { lang } = useLang();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [step, setStep] = useState<string>('all');
  const [surveying, setSurveying] = useState<PovertyCaseOut | null>(null);
  const c = useQuery({ queryKey: pk.campaign(id), queryFn: ({ signal }) => povertyApi.campaign(id, signal) });
  const cases = useQuery({
    queryKey: pk.cases(id, step),
    queryFn: ({ signal }) => povertyApi.cases(id, step === 'all' ? {} : { step }, signal),
  });
  const listCurrent = useMutation({
    mutationFn: () => povertyApi.listCurrent(id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: pk.all }),
  });
  if (c.error) return <LoadError error={c.error} onRetry={() => void c.refetch()} />;
  const campaign = c.data;
  if (!campaign) return null;
  const can = (a: string) => campaign.abilities.includes(a);
  const classLabel = (k: string | null) =>
    k ? pick(POVERTY_CLASS_LABELS[k as keyof typeof POVERTY_CLASS_LABELS], lang) : '';
  return (
    <>
      <PageHead
        title={
          <>
            {t('title')}: <span translate="no">{campaign.communeName}</span> {campaign.year}
          </>
        }
        extra={
          <Space>
            {can('manage') && campaign.recognition === null ? (
              <Button onClick={() => listCurrent.mutate()} loading={listCurrent.isPending} data-testid="list-current">
                {t('cases.listCurrent')}
              </Button>
            ) : null}
            {campaign.recognition ? (
              <>
                <Button href={povertyApi.documentUrl(id, 'decision')}>{t('docs.decision')}</Button>
                <Button href={povertyApi.documentUrl(id, 'certificates')}>{t('docs.certificates')}</Button>
              </>
            ) : null}
            <Button onClick={() => window.print()}>{t('print')}</Button>
          </Space>
        }
      />
      {listCurrent.error ? <Alert type="error" showIcon title={errorText(listCurrent.error)} /> : null}
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('campaign.standard')}>
          <span lang="vi">{campaign.standardVi}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('campaign.window')}>
          {campaign.windowFrom} – {campaign.windowTo}
        </Descriptions.Item>
        <Descriptions.Item label={t('campaign.reviewDate')}>{campaign.reviewDate}</Descriptions.Item>
        <Descriptions.Item label="">
          {campaign.districtStep ? t('campaign.districtStep') : t('campaign.noDistrictStep')}
        </Descriptions.Item>
      </Descriptions>
      {campaign.recognition ? (
        <Alert
          type="success"
          showIcon
          data-testid="recognized"
          title={tn('campaign.recognized', {
            no: campaign.recognition.decisionNo,
            date: <>{formatDate(campaign.recognition.decisionDate)}</>,
          })}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Segmented
        className="no-print"
        value={step}
        onChange={(v) => setStep(String(v))}
        options={[
          {
            value: 'all',
            label: `${campaign.steps.listed + campaign.steps.surveyed + campaign.steps.resurvey + campaign.steps.agreed + campaign.steps.posted + campaign.steps.recognized}`,
          },
          ...CASE_STEPS.map((s) => ({ value: s, label: `${t(`step.${s}`)} (${campaign.steps[s]})` })),
        ]}
        style={{ marginBottom: 12 }}
      />
      <Card className="print-wide">
        {/* The households' table is wider than A4 portrait: on paper it prints landscape, small. */}
        <style>{'@page { size: A4 landscape; margin: 10mm; }'}</style>
        <Table<PovertyCaseOut>
          rowKey="id"
          size="small"
          loading={cases.isLoading}
          dataSource={cases.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('cases.household'), dataIndex: 'householdCode' },
            { onCell: dataCell, title: t('cases.head'), dataIndex: 'headName' },
            { onCell: dataCell, title: t('cases.village'), dataIndex: 'village' },
            { title: t('cases.previous'), render: (_, r) => classLabel(r.previous) },
            { title: t('cases.score'), dataIndex: 'b1Score' },
            { title: t('cases.deprived'), dataIndex: 'deprivationCount' },
            {
              title: t('cases.proposed'),
              render: (_, r) =>
                r.proposedClass ? <Tag data-testid={`class-${r.id}`}>{classLabel(r.proposedClass)}</Tag> : null,
            },
            { title: '', render: (_, r) => <Tag>{t(`step.${r.step}`)}</Tag> },
            {
              title: '',
              className: 'no-print',
              render: (_, r) =>
                can('survey') && ['listed', 'surveyed', 'resurvey'].includes(r.step) ? (
                  <Button size="small" onClick={() => setSurveying(r)} data-testid={`survey-${r.householdCode}`}>
                    {t('cases.survey')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {campaign.recognition === null && (can('manage') || can('survey')) ? (
        <ImportPanel campaignId={id} canList={can('manage')} canSurvey={can('survey')} />
      ) : null}
      {campaign.recognition === null ? <StepForms campaign={campaign} cases={cases.data?.items ?? []} /> : null}
      {surveying ? <SurveyDrawer campaignId={id} item={surveying} onClose={() => setSurveying(null)} /> : null}
    </>
  );
}
