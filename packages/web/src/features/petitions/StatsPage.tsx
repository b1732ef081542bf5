import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Space } from 'antd';
import { useT, useFormatNumber } from '../../kernel/i18n';
import { LoadError } from '../../components/LoadError';
import { petitionsApi, pk } from './api';
import { PetitionsHead, todayIso } from './shared';
import { IsoDateInput } from '../../components/DateInput';

/** The period's counts (TT 02/2021/TT-TTCP); a zero reads "Không phát sinh". Supervisors see only this. */
export default function StatsPage() {
  const t = useT();
  const fmt = useFormatNumber();
  const [period, setPeriod] = useState({ from: `${todayIso().slice(0, 4)}-01-01`, to: todayIso() });
  const q = useQuery({ queryKey: pk.stats(period), queryFn: ({ signal }) => petitionsApi.stats(period, signal) });
  const s = q.data;
  const v = (n: number) => (n === 0 ? t('petitions.stats.nothing') : fmt(n));
  return (
    <>
      <PetitionsHead title={t('petitions.stats.title')} />
      <Space style={{ marginBottom: 12 }}>
        <IsoDateInput width={160} value={period.from} onChange={(v) => setPeriod({ ...period, from: v })} />
        <IsoDateInput width={160} value={period.to} onChange={(v) => setPeriod({ ...period, to: v })} />
        <a href={petitionsApi.statsXlsxUrl(period)} data-testid="stats-xlsx">
          {t('petitions.stats.xlsx')}
        </a>
      </Space>
      {q.error ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {s ? (
        <Descriptions bordered size="small" column={1} data-testid="petitions-stats">
          <Descriptions.Item label={t('petitions.stat.sessions')}>{v(s.sessions)}</Descriptions.Item>
          <Descriptions.Item label={t('petitions.stat.visits')}>{v(s.visits)}</Descriptions.Item>
          <Descriptions.Item label={t('petitions.stat.people')}>{v(s.people)}</Descriptions.Item>
          <Descriptions.Item label={t('petitions.stat.groups')}>{v(s.groups)}</Descriptions.Item>
          <Descriptions.Item label={t('petitions.stat.calls')}>{v(s.calls)}</Descriptions.Item>
          <Descriptions.Item label={t('petitions.stat.carried_over')}>{v(s.lettersCarriedOver)}</Descriptions.Item>
          <Descriptions.Item label={t('petitions.stat.received')}>{v(s.lettersReceived)}</Descriptions.Item>
          <Descriptions.Item label={t('petitions.stat.fit')}>{v(s.lettersFit)}</Descriptions.Item>
          <Descriptions.Item label={t('petitions.stat.within_competence')}>
            {v(s.lettersInCompetence)}
          </Descriptions.Item>
          <Descriptions.Item label={t('petitions.stat.handled')}>{v(s.lettersHandled)}</Descriptions.Item>
          <Descriptions.Item label={t('petitions.stat.complaints_settled_on_time')}>
            {v(s.complaints.settled)} ({v(s.complaints.onTime)})
          </Descriptions.Item>
          <Descriptions.Item label={t('petitions.stat.denunciations_settled_on_time')}>
            {v(s.denunciations.settled)} ({v(s.denunciations.onTime)})
          </Descriptions.Item>
          <Descriptions.Item label={t('petitions.stat.mass_complaints')}>{v(s.massComplaints)}</Descriptions.Item>
        </Descriptions>
      ) : null}
    </>
  );
}
