import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Input, Table } from 'antd';
import type { VacancyOut } from '@ansinh/domain';
import { formatDate } from '../../kernel/format';
import { useT } from '../../kernel/i18n';
import { LoadError } from '../../components/LoadError';
import { ek, employmentApi } from './api';
import { EmploymentHead, money } from './shared';
import { dataCell } from '../../kernel/format';

/** Vacancies open in the province, newest first, searchable by position or employer. */
export default function VacancyBoard() {
  const t = useT();
  const [q, setQ] = useState('');
  const list = useQuery({ queryKey: ek.vacancies(q), queryFn: ({ signal }) => employmentApi.vacancies(q, signal) });
  return (
    <>
      <EmploymentHead />
      <Input.Search
        placeholder={t('employment.search')}
        allowClear
        onSearch={setQ}
        style={{ maxWidth: 360, marginBottom: 12 }}
      />
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<VacancyOut>
        rowKey="id"
        data-testid="vacancies"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('employment.none') }}
        pagination={false}
        columns={[
          { onCell: dataCell, title: t('employment.vacancy.title'), dataIndex: 'title' },
          { onCell: dataCell, title: t('employment.vacancy.employer'), dataIndex: 'employerName' },
          { title: t('employment.vacancy.positions'), dataIndex: 'positions', align: 'right' },
          { title: t('employment.vacancy.filled'), dataIndex: 'filled', align: 'right' },
          {
            title: t('employment.vacancy.wage'),
            render: (_: unknown, v) => `${money(v.wageMin)} – ${money(v.wageMax)}`,
          },
          { title: t('employment.vacancy.open'), dataIndex: 'openFrom', render: (d: string) => formatDate(d) },
        ]}
      />
    </>
  );
}
