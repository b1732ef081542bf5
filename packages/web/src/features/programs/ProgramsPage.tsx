import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ProgramOut } from '@ansinh/domain';
import { useT } from '../../kernel/i18n';
import { LoadError } from '../../components/LoadError';
import { PageHead } from '../../components/PageHead';
import { showDate } from '../../kernel/format';
import { pk, programsApi } from './api';
import { CreateProgramModal } from './ProgramForm';
import { KIND_KEYS, UNIT_KEYS, usePrograms } from './shared';
import { dataCell } from '../../kernel/format';

/** /programs: the support programs, and "create" for department officers. */
export default function ProgramsPage() {
  const t = useT();
  const { can } = usePrograms();
  const [creating, setCreating] = useState(false);
  const query = useQuery({ queryKey: pk.programs, queryFn: ({ signal }) => programsApi.programs(signal) });

  const columns: TableColumnsType<ProgramOut> = [
    {
      onCell: dataCell,
      title: t('programs.col.name'),
      key: 'name',
      render: (_: unknown, p) => (
        <span>
          <Link to={`/programs/${p.id}`} data-testid={`program-link-${p.code}`}>
            {p.name}
          </Link>
          <div>
            <Typography.Text type="secondary">{p.code}</Typography.Text>
          </div>
        </span>
      ),
    },
    {
      onCell: dataCell,
      title: t('programs.col.legalBasis'),
      key: 'legal',
      // A decree's full name is long: one line ending in "…", the whole of it on hover.
      ellipsis: true,
      render: (_: unknown, p) =>
        p.legalDate ? t('programs.legalWithDate', { basis: p.legalBasis, date: showDate(p.legalDate) }) : p.legalBasis,
    },
    {
      title: t('programs.col.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (k: ProgramOut['kind']) => t(KIND_KEYS[k]),
    },
    {
      title: t('programs.col.unit'),
      dataIndex: 'unit',
      width: 110,
      render: (u: ProgramOut['unit']) => t(UNIT_KEYS[u]),
    },
    {
      title: t('programs.col.period'),
      key: 'period',
      width: 240,
      render: (_: unknown, p) =>
        `${p.periodKind === 'monthly' ? t('programs.periodKind.monthly') : t('programs.periodKind.once')}: ${showDate(p.periodFrom)} – ${p.periodTo ? showDate(p.periodTo) : t('programs.openEnded')}`,
    },
  ];

  return (
    <div>
      <PageHead
        title={t('programs.title')}
        intro={t('programs.intro')}
        extra={
          can.manage && (
            <Button type="primary" data-testid="programs-create" onClick={() => setCreating(true)}>
              {t('programs.create')}
            </Button>
          )
        }
      />
      {query.error && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      <div data-testid="programs-table" className="table-box">
        <Table<ProgramOut>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching}
          // Fits 1366 px (issue 18): fixed columns, the name wraps, the legal basis ends in "…".
          tableLayout="fixed"
          scroll={{ x: 900 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('programs.empty') }}
        />
      </div>
      {creating && <CreateProgramModal onClose={() => setCreating(false)} />}
    </div>
  );
}
