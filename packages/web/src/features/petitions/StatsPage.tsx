import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Space } from 'antd';
import { useT } from '../../kernel/i18n';
import { LoadError } from '../../components/LoadError';
import { petitionsApi, pk } from './api';
import { PetitionsHead, todayIso } from './shared';
import { IsoDateInput } from '../../components/DateInput';

/** The period's counts (TT 02/2021/TT-TTCP); a zero reads "Không phát sinh". Supervisors see only this. */
export default function StatsPage() {
  const t = useT();
  const [period, setPeriod] = useState({ from: `${todayIso().slice(0, 4)}-01-01`, to: todayIso() });
  const q = useQuery({ queryKey: pk.stats(period), queryFn: ({ signal }) => petitionsApi.stats(period, signal) });
  const s = q.data;
  const v = (n: number) => (n === 0 ? t('petitions.stats.nothing') : n.toLocaleString('vi-VN'));
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
          <Descriptions.Item label="Buổi tiếp / Sessions">{v(s.sessions)}</Descriptions.Item>
          <Descriptions.Item label="Lượt tiếp / Visits">{v(s.visits)}</Descriptions.Item>
          <Descriptions.Item label="Người / People">{v(s.people)}</Descriptions.Item>
          <Descriptions.Item label="Đoàn đông người / Groups">{v(s.groups)}</Descriptions.Item>
          <Descriptions.Item label="Cuộc gọi / Calls">{v(s.calls)}</Descriptions.Item>
          <Descriptions.Item label="Đơn kỳ trước chuyển sang / Carried over">
            {v(s.lettersCarriedOver)}
          </Descriptions.Item>
          <Descriptions.Item label="Đơn tiếp nhận / Received">{v(s.lettersReceived)}</Descriptions.Item>
          <Descriptions.Item label="Đủ điều kiện / Fit">{v(s.lettersFit)}</Descriptions.Item>
          <Descriptions.Item label="Thuộc thẩm quyền / Within competence">{v(s.lettersInCompetence)}</Descriptions.Item>
          <Descriptions.Item label="Đã xử lý / Handled">{v(s.lettersHandled)}</Descriptions.Item>
          <Descriptions.Item label="Khiếu nại đã giải quyết (đúng hạn) / Complaints settled (on time)">
            {v(s.complaints.settled)} ({v(s.complaints.onTime)})
          </Descriptions.Item>
          <Descriptions.Item label="Tố cáo đã giải quyết (đúng hạn) / Denunciations settled (on time)">
            {v(s.denunciations.settled)} ({v(s.denunciations.onTime)})
          </Descriptions.Item>
          <Descriptions.Item label="Khiếu nại đông người / Mass complaints">{v(s.massComplaints)}</Descriptions.Item>
        </Descriptions>
      ) : null}
    </>
  );
}
