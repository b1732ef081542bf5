import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TemplateOut } from '@ansinh/domain';
import { useMe } from '../../kernel/auth';
import { useErrorText } from '../../kernel/errors';
import { formatDateTime } from '../../kernel/format';
import { pick, useLang, useT } from '../../kernel/i18n';
import { LoadError } from '../../components/LoadError';
import { reportsApi, rk } from './api';
import { ReportsHead, useCanManage } from './shared';

/** Whether the actor may shape the province's templates: the Department's writers. */
export function useCanEditTemplates(): boolean {
  const me = useMe();
  return useCanManage() && me.areaCode.length === 2;
}

/** The province's report templates: each with its version; the Department opens one to shape it. */
export function TemplatesPage() {
  const t = useT();
  const { lang } = useLang();
  const canEdit = useCanEditTemplates();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const live = useQuery({ queryKey: rk.templates, queryFn: ({ signal }) => reportsApi.templates(signal) });
  const archived = useQuery({
    queryKey: [...rk.templates, 'archived'],
    queryFn: ({ signal }) => reportsApi.templates(signal, true),
  });
  const archive = useMutation({
    mutationFn: (v: { code: string; archived: boolean }) => reportsApi.archiveTemplate(v.code, v.archived),
    onSuccess: async (r) => {
      void message.success(t(r.archived ? 'reports.tpl.archived' : 'reports.tpl.restored'));
      await qc.invalidateQueries({ queryKey: rk.templates });
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const columns: TableColumnsType<TemplateOut> = [
    {
      title: t('reports.tpl.col.name'),
      key: 'name',
      render: (_: unknown, r) => (
        <Link to={`/reports/templates/${r.code}`} data-testid={`tpl-open-${r.code}`}>
          {pick({ vi: r.nameVi, en: r.nameEn }, lang)}
        </Link>
      ),
    },
    { title: t('reports.tpl.col.code'), dataIndex: 'code' },
    { title: t('reports.tpl.period'), key: 'period', render: (_: unknown, r) => t(`reports.tpl.period.${r.period}`) },
    { title: t('reports.tpl.col.version'), dataIndex: 'version' },
    {
      title: t('reports.tpl.col.updated'),
      key: 'updated',
      render: (_: unknown, r) => `${r.updatedBy ?? ''}, ${r.updatedAt ? formatDateTime(r.updatedAt) : ''}`,
    },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, r) =>
        canEdit && (
          <Button
            size="small"
            data-testid={`tpl-archive-${r.code}`}
            onClick={() => archive.mutate({ code: r.code, archived: !r.archived })}
          >
            {t(r.archived ? 'reports.tpl.restore' : 'reports.tpl.archive')}
          </Button>
        ),
    },
  ];
  return (
    <div data-testid="templates-page">
      <ReportsHead
        title={t('reports.tpl.title')}
        intro={t('reports.tpl.intro')}
        extra={
          canEdit && (
            <Space>
              <Link to="/reports/templates/new">
                <Button type="primary" data-testid="templates-new">
                  {t('reports.tpl.new')}
                </Button>
              </Link>
            </Space>
          )
        }
      />
      {live.error && <LoadError error={live.error} onRetry={() => void live.refetch()} />}
      <Table<TemplateOut>
        data-testid="templates-table"
        rowKey="code"
        size="small"
        loading={live.isLoading}
        columns={columns}
        dataSource={live.data?.items ?? []}
        pagination={false}
      />
      {(archived.data?.items.length ?? 0) > 0 && (
        <>
          <h3 style={{ marginTop: 24 }}>
            <Tag>{t('reports.tpl.archivedList')}</Tag>
          </h3>
          <Table<TemplateOut>
            rowKey="code"
            size="small"
            columns={columns}
            dataSource={archived.data?.items ?? []}
            pagination={false}
          />
        </>
      )}
    </div>
  );
}
