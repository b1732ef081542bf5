import { useState, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Input, InputNumber, Row, Space } from 'antd';
import type { CampaignOut, PovertyCaseOut } from '@ansinh/domain';
import { useErrorText } from '../../kernel/errors';
import { pk, povertyApi } from './api';
import { usePovertyT } from './messages';
import { IsoDateInput } from '../../components/DateInput';

const today = () => new Date().toISOString().slice(0, 10);

function StepCard({
  title,
  children,
  onSubmit,
  label,
  pending,
  error,
  done,
  testId,
}: {
  title: string;
  children: ReactNode;
  onSubmit: () => void;
  label: string;
  pending: boolean;
  error: unknown;
  done: string | null;
  testId: string;
}) {
  const errorText = useErrorText();
  return (
    <Card title={title} size="small" className="no-print" style={{ marginTop: 12 }}>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={errorText(error)}
          style={{ marginBottom: 8 }}
          data-testid={`${testId}-error`}
        />
      ) : null}
      {done ? <Alert type="success" showIcon title={done} style={{ marginBottom: 8 }} /> : null}
      <Space wrap>{children}</Space>
      <div style={{ marginTop: 8 }}>
        <Button type="primary" onClick={onSubmit} loading={pending} data-testid={testId}>
          {label}
        </Button>
      </div>
    </Card>
  );
}

const field = (label: string, input: ReactNode) => (
  <label style={{ display: 'inline-flex', flexDirection: 'column' }}>
    {label}
    {input}
  </label>
);

/** The records of steps 3 to 6: village meeting, posting, district opinion, recognition. */
export function StepForms({ campaign, cases }: { campaign: CampaignOut; cases: PovertyCaseOut[] }) {
  const t = usePovertyT();
  const qc = useQueryClient();
  const id = campaign.id;
  const can = (a: string) => campaign.abilities.includes(a);
  const refresh = () => void qc.invalidateQueries({ queryKey: pk.all });
  const [m, setM] = useState({ village: 'Thôn 1', heldOn: today(), chairedBy: '', attendees: 30, agree: 30 });
  const [p, setP] = useState({ places: 'Trụ sở UBND xã\nNhà văn hoá thôn', postedFrom: today(), postedTo: today() });
  const [o, setO] = useState({ documentNo: '', date: today(), opinion: '' });
  const [r, setR] = useState({
    decisionNo: '',
    decisionDate: today(),
    validFrom: `${campaign.year + 1}-01-01`,
    signer: '',
  });
  const surveyed = cases.filter((c) => c.step === 'surveyed');
  const meeting = useMutation({
    mutationFn: () =>
      povertyApi.meeting(id, {
        village: m.village,
        heldOn: m.heldOn,
        chairedBy: m.chairedBy,
        attendees: m.attendees,
        votes: surveyed.map((c) => ({ caseId: c.id, agree: m.agree })),
      }),
    onSuccess: refresh,
  });
  const posting = useMutation({
    mutationFn: () =>
      povertyApi.posting(id, {
        places: p.places
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        postedFrom: p.postedFrom,
        postedTo: p.postedTo,
        objections: [],
      }),
    onSuccess: refresh,
  });
  const opinion = useMutation({ mutationFn: () => povertyApi.opinion(id, o), onSuccess: refresh });
  const recognize = useMutation({ mutationFn: () => povertyApi.recognize(id, r), onSuccess: refresh });
  return (
    <Row gutter={12}>
      {can('manage') ? (
        <Col xs={24} lg={12}>
          <StepCard
            title={`${t('meeting.title')} (${surveyed.length})`}
            onSubmit={() => meeting.mutate()}
            label={t('meeting.save')}
            pending={meeting.isPending}
            error={meeting.error}
            done={meeting.data ? t('saved') : null}
            testId="meeting-save"
          >
            {field(
              t('meeting.village'),
              <Input value={m.village} onChange={(e) => setM({ ...m, village: e.target.value })} />,
            )}
            {field(
              t('meeting.heldOn'),
              <IsoDateInput width={160} value={m.heldOn} onChange={(v) => setM({ ...m, heldOn: v })} />,
            )}
            {field(
              t('meeting.chair'),
              <Input
                value={m.chairedBy}
                onChange={(e) => setM({ ...m, chairedBy: e.target.value })}
                data-testid="meeting-chair"
              />,
            )}
            {field(
              t('meeting.attendees'),
              <InputNumber min={1} value={m.attendees} onChange={(v) => setM({ ...m, attendees: v ?? 1 })} />,
            )}
            {field(
              t('meeting.agree'),
              <InputNumber min={0} value={m.agree} onChange={(v) => setM({ ...m, agree: v ?? 0 })} />,
            )}
          </StepCard>
          <StepCard
            title={t('posting.title')}
            onSubmit={() => posting.mutate()}
            label={t('posting.save')}
            pending={posting.isPending}
            error={posting.error}
            done={posting.data ? t('saved') : null}
            testId="posting-save"
          >
            {field(
              t('posting.places'),
              <Input.TextArea rows={2} value={p.places} onChange={(e) => setP({ ...p, places: e.target.value })} />,
            )}
            {field(
              t('posting.from'),
              <IsoDateInput width={160} value={p.postedFrom} onChange={(v) => setP({ ...p, postedFrom: v })} />,
            )}
            {field(
              t('posting.to'),
              <IsoDateInput width={160} value={p.postedTo} onChange={(v) => setP({ ...p, postedTo: v })} />,
            )}
          </StepCard>
        </Col>
      ) : null}
      <Col xs={24} lg={12}>
        {campaign.districtStep && can('opine') ? (
          <StepCard
            title={t('opinion.title')}
            onSubmit={() => opinion.mutate()}
            label={t('opinion.save')}
            pending={opinion.isPending}
            error={opinion.error}
            done={campaign.districtOpinion ? t('saved') : null}
            testId="opinion-save"
          >
            {field(
              t('opinion.no'),
              <Input value={o.documentNo} onChange={(e) => setO({ ...o, documentNo: e.target.value })} />,
            )}
            {field(
              t('opinion.date'),
              <IsoDateInput width={160} value={o.date} onChange={(v) => setO({ ...o, date: v })} />,
            )}
            {field(
              t('opinion.text'),
              <Input value={o.opinion} onChange={(e) => setO({ ...o, opinion: e.target.value })} />,
            )}
          </StepCard>
        ) : null}
        {can('recognize') ? (
          <StepCard
            title={t('recognition.title')}
            onSubmit={() => recognize.mutate()}
            label={t('recognition.save')}
            pending={recognize.isPending}
            error={recognize.error}
            done={
              recognize.data
                ? t('recognition.done', {
                    n: recognize.data.recognized,
                    g: recognize.data.granted,
                    e: recognize.data.ended,
                  })
                : null
            }
            testId="recognition-save"
          >
            {field(
              t('recognition.no'),
              <Input
                value={r.decisionNo}
                onChange={(e) => setR({ ...r, decisionNo: e.target.value })}
                data-testid="recognition-no"
              />,
            )}
            {field(
              t('recognition.date'),
              <IsoDateInput width={160} value={r.decisionDate} onChange={(v) => setR({ ...r, decisionDate: v })} />,
            )}
            {field(
              t('recognition.validFrom'),
              <IsoDateInput width={160} value={r.validFrom} onChange={(v) => setR({ ...r, validFrom: v })} />,
            )}
            {field(
              t('recognition.signer'),
              <Input
                value={r.signer}
                onChange={(e) => setR({ ...r, signer: e.target.value })}
                data-testid="recognition-signer"
              />,
            )}
          </StepCard>
        ) : null}
      </Col>
    </Row>
  );
}
