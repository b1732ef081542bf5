import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { InputRef } from 'antd';
import { Link, useParams } from 'react-router';
import type { AttendeeOut, FairOut } from '@ansinh/domain';
import { hasAbility, useAuth } from '../../kernel/auth';
import { useErrorText } from '../../kernel/errors';
import { formatDate, formatDateTime } from '../../kernel/format';
import { useT, type MessageKey } from '../../kernel/i18n';
import { LoadError } from '../../components/LoadError';
import { ek, employmentApi } from './api';
import { dataCell } from '../../kernel/format';

/**
 * A job fair: its counts, the check-in box for the queue at the door (a name typed without
 * accents or an ID; Enter checks in the only match and clears the box for the next person), and
 * the attendees with their hiring.
 */
export default function FairPage() {
  const id = Number(useParams().id);
  const t = useT();
  const { me } = useAuth();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const box = useRef<InputRef>(null);
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  const fair = useQuery({ queryKey: ek.fair(id), queryFn: ({ signal }) => employmentApi.fair(id, signal) });
  const serve = hasAbility(me, 'employment.serve');
  useEffect(() => {
    const h = setTimeout(() => setQ(typed.trim()), 150);
    return () => clearTimeout(h);
  }, [typed]);
  const found = useQuery({
    queryKey: ['employment', 'checkin', id, q],
    queryFn: ({ signal }) => employmentApi.searchCheckIn(id, q, signal),
    enabled: serve && q.length >= 2,
  });
  const done = (f: FairOut) => {
    qc.setQueryData(ek.fair(id), f);
    void qc.invalidateQueries({ queryKey: ['employment', 'checkin', id] });
  };
  const checkIn = useMutation({
    mutationFn: (c: { supplyId: number; fullName: string }) => employmentApi.checkIn(id, c.supplyId),
    onSuccess: (f, c) => {
      done(f);
      void message.success(t('employment.checkin.done', { name: c.fullName }));
      setTyped('');
      box.current?.focus();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const board = useQuery({
    queryKey: ek.vacancies(''),
    queryFn: ({ signal }) => employmentApi.vacancies('', signal),
    enabled: serve,
  });
  const offer = useMutation({
    mutationFn: (v: { employerId: number; vacancyId: number }) =>
      employmentApi.addEmployer(id, { employerId: v.employerId, vacancyIds: [v.vacancyId] }),
    onSuccess: done,
    onError: (e) => void message.error(errorText(e)),
  });
  const hire = useMutation({
    mutationFn: (v: { attendeeId: number; vacancyId: number }) =>
      employmentApi.outcome(id, v.attendeeId, { hiredVacancyId: v.vacancyId }),
    onSuccess: done,
    onError: (e) => void message.error(errorText(e)),
  });
  if (fair.error) return <LoadError error={fair.error} onRetry={() => void fair.refetch()} />;
  const f = fair.data;
  if (!f) return null;
  const items = found.data?.items ?? [];
  return (
    <>
      <Typography.Title level={1} className="page-title">
        {f.name}
      </Typography.Title>
      <Typography.Paragraph>
        <Link to="/employment/fairs">← {t('employment.tab.fairs')}</Link> · {formatDate(f.date)} · {f.place} ·{' '}
        {t(`employment.fair.mode.${f.mode}` as MessageKey)}
      </Typography.Paragraph>
      <Typography.Paragraph strong data-testid="fair-counts">
        {t('employment.fair.counts', f.counts)}
      </Typography.Paragraph>
      {serve && (
        <Space style={{ marginBottom: 12 }} wrap>
          <span>{t('employment.fair.offer')}</span>
          <Select
            style={{ width: 360 }}
            showSearch
            optionFilterProp="label"
            data-testid="fair-offer"
            placeholder={t('employment.hire.vacancy')}
            value={null}
            options={(board.data?.items ?? [])
              .filter((v) => !f.vacancies.some((x) => x.id === v.id))
              .map((v) => ({ value: v.id, label: `${v.title} — ${v.employerName}` }))}
            onChange={(vacancyId: number) => {
              const v = board.data?.items.find((x) => x.id === vacancyId);
              if (v) offer.mutate({ employerId: v.employerId, vacancyId });
            }}
          />
        </Space>
      )}
      {serve && (
        <Card size="small" title={t('employment.checkin.title')} style={{ marginBottom: 12 }}>
          <Input
            ref={box}
            autoFocus
            size="large"
            value={typed}
            data-testid="checkin-search"
            placeholder={t('employment.checkin.placeholder')}
            onChange={(e) => setTyped(e.target.value)}
            onPressEnter={() => {
              const open = items.filter((i) => !i.checkedIn);
              if (open.length === 1) checkIn.mutate(open[0]!);
            }}
          />
          <Space direction="vertical" style={{ width: '100%', marginTop: 8 }} data-testid="checkin-results">
            {items.map((c) => (
              <Space key={c.supplyId}>
                <span>
                  {c.fullName} · {c.citizenId} · {c.birthDate}
                </span>
                {c.checkedIn ? (
                  <Tag color="green">{t('employment.checkin.already')}</Tag>
                ) : (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => checkIn.mutate(c)}
                    data-testid={`checkin-${c.supplyId}`}
                  >
                    {t('employment.checkin.button')}
                  </Button>
                )}
              </Space>
            ))}
          </Space>
        </Card>
      )}
      <Table<AttendeeOut>
        rowKey="id"
        data-testid="attendees"
        title={() => t('employment.attendees')}
        dataSource={f.attendees}
        pagination={{ pageSize: 50 }}
        columns={[
          {
            onCell: dataCell,
            title: t('employment.fair.name'),
            dataIndex: 'fullName',
            render: (n: string, a) => <Link to={`/employment/persons/${a.supplyId}`}>{n}</Link>,
          },
          { title: 'CCCD', dataIndex: 'citizenId' },
          { title: '', dataIndex: 'checkedInAt', render: (d: string) => formatDateTime(d) },
          {
            onCell: dataCell,
            title: t('employment.hire'),
            render: (_: unknown, a) =>
              a.hiredVacancyId ? (
                <Tag color="blue">{t('employment.hired')}</Tag>
              ) : serve ? (
                <Select
                  style={{ width: 260 }}
                  placeholder={t('employment.hire.vacancy')}
                  data-testid={`hire-${a.supplyId}`}
                  options={f.vacancies.map((v) => ({ value: v.id, label: `${v.title} — ${v.employerName}` }))}
                  onChange={(vacancyId: number) => hire.mutate({ attendeeId: a.id, vacancyId })}
                />
              ) : null,
          },
        ]}
      />
    </>
  );
}
