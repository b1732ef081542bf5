import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  ACTIVITY_KINDS,
  ACTIVITY_TOPICS,
  formatDong,
  formatNumberVi,
  type ActivityKind,
  type ActivityOut,
  type ActivityTopic,
} from '@ansinh/domain';
import { useErrorText } from '../../kernel/errors';
import { formatDate } from '../../kernel/format';
import { useLang, useT } from '../../kernel/i18n';
import { DateInput, isoOf } from '../../components/DateInput';
import { LoadError } from '../../components/LoadError';
import { PageHead } from '../../components/PageHead';
import { activitiesApi, activitiesKeys, type ActivitiesFilter } from './api';
import { ActivityForm } from './ActivityForm';

/** The activities of the officer's area, filtered by kind, topic and dates; record, correct, remove. */
export default function ActivitiesPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<ActivitiesFilter>({ page: 1, pageSize: 50 });
  const [editing, setEditing] = useState<ActivityOut | 'new' | null>(null);
  const list = useQuery({
    queryKey: activitiesKeys.list(filter),
    queryFn: ({ signal }) => activitiesApi.list(filter, signal),
  });
  const remove = useMutation({
    mutationFn: (id: number) => activitiesApi.remove(id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: activitiesKeys.all });
      void message.success(t('activities.removed'));
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const canRecord = list.data?.abilities.includes('record') ?? false;
  const set = (patch: ActivitiesFilter) => setFilter((f) => ({ ...f, ...patch, page: 1 }));
  const items = list.data?.items ?? [];
  const sum = (k: 'participantsTotal' | 'participantsFemale' | 'cost') => items.reduce((n, a) => n + a[k], 0);
  const label = <T extends { code: string; vi: string; en: string }>(table: readonly T[], code: string) =>
    table.find((x) => x.code === code)?.[lang] ?? code;

  return (
    <>
      <PageHead
        title={t('activities.title')}
        intro={t('activities.intro')}
        extra={
          canRecord && (
            <Button type="primary" onClick={() => setEditing('new')} data-testid="activity-new">
              {t('activities.new')}
            </Button>
          )
        }
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <Select<ActivityKind>
          allowClear
          style={{ width: 220 }}
          placeholder={t('activities.filter.kind')}
          aria-label={t('activities.filter.kind')}
          options={ACTIVITY_KINDS.map((k) => ({ value: k.code, label: k[lang] }))}
          onChange={(kind) => set({ kind })}
        />
        <Select<ActivityTopic>
          allowClear
          style={{ width: 260 }}
          placeholder={t('activities.filter.topic')}
          aria-label={t('activities.filter.topic')}
          options={ACTIVITY_TOPICS.map((k) => ({ value: k.code, label: k[lang] }))}
          onChange={(topic) => set({ topic })}
        />
        <span>{t('activities.filter.from')}</span>
        <DateInput width={150} onChange={(d) => set({ from: isoOf(d as Dayjs | null) })} />
        <span>{t('activities.filter.to')}</span>
        <DateInput width={150} onChange={(d) => set({ to: isoOf(d as Dayjs | null) })} />
      </Space>
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {items.length > 0 && (
        <p data-testid="activity-totals">
          {t('activities.totals', {
            count: items.length,
            people: formatNumberVi(sum('participantsTotal')),
            women: formatNumberVi(sum('participantsFemale')),
            cost: formatDong(sum('cost')),
          })}
        </p>
      )}
      <Table
        rowKey="id"
        size="small"
        data-testid="activities"
        loading={list.isLoading}
        dataSource={items}
        locale={{ emptyText: t('activities.none') }}
        pagination={{
          current: filter.page ?? 1,
          pageSize: filter.pageSize ?? 50,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
        }}
        columns={[
          {
            title: t('activities.col.date'),
            dataIndex: 'startDate',
            render: (d: string, a) => (a.endDate ? `${formatDate(d)} – ${formatDate(a.endDate)}` : formatDate(d)),
          },
          { title: t('activities.col.title'), dataIndex: 'title' },
          { title: t('activities.col.kind'), dataIndex: 'kind', render: (k: string) => label(ACTIVITY_KINDS, k) },
          { title: t('activities.col.topic'), dataIndex: 'topic', render: (k: string) => label(ACTIVITY_TOPICS, k) },
          { title: t('activities.col.organiser'), dataIndex: 'organiser' },
          {
            title: t('activities.col.participants'),
            dataIndex: 'participantsTotal',
            align: 'right',
            render: (n: number) => formatNumberVi(n),
          },
          {
            title: t('activities.col.women'),
            dataIndex: 'participantsFemale',
            align: 'right',
            render: (n: number) => formatNumberVi(n),
          },
          {
            title: t('activities.col.cost'),
            dataIndex: 'cost',
            align: 'right',
            render: (n: number) => formatNumberVi(n),
          },
          ...(canRecord
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, a: ActivityOut) => (
                    <Space>
                      <Button size="small" onClick={() => setEditing(a)}>
                        {t('activities.edit')}
                      </Button>
                      <Popconfirm title={t('activities.removeConfirm')} onConfirm={() => remove.mutate(a.id)}>
                        <Button size="small" danger>
                          {t('activities.remove')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <ActivityForm editing={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
