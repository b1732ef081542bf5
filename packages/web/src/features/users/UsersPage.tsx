import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ROLES, ROLE_LABELS } from '@ansinh/domain';
import type { Role, UserOut } from '@ansinh/domain';
import { qk, usersApi } from '../../api/endpoints';
import type { UsersFilter } from '../../api/endpoints';
import { useErrorText } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { pick, useLang, useT } from '../../app/i18n';
import { AreaCodeInput } from '../areas/AreaCodeInput';
import { CreateUserModal, EditUserModal, ResetPasswordModal } from './UserForms';

const CODE_RE = /^(\d{2}|\d{3}|\d{5})$/;
const PAGE_SIZES = [20, 50, 100];

function positiveInt(v: string | null, fallback: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function isRole(v: string | null): v is Role {
  return v !== null && (ROLES as readonly string[]).includes(v);
}

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserOut } | { kind: 'reset'; user: UserOut } | null;

export default function UsersPage() {
  const t = useT();
  const { lang } = useLang();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<Dialog>(null);

  const role = params.get('role');
  const disabled = params.get('disabled');
  const filter: UsersFilter = {
    q: params.get('q') || undefined,
    role: isRole(role) ? role : undefined,
    areaCode: params.get('areaCode') || undefined,
    disabled: disabled === 'true' || disabled === 'false' ? disabled : undefined,
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), 20),
  };

  // Local text of the search boxes; applied to the URL on Enter (search) or when complete (area).
  const [qText, setQText] = useState(filter.q ?? '');
  const [areaText, setAreaText] = useState(filter.areaCode ?? '');
  useEffect(() => setQText(params.get('q') ?? ''), [params]);
  useEffect(() => setAreaText(params.get('areaCode') ?? ''), [params]);

  const update = (patch: Record<string, string | undefined>, keepPage = false) => {
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === '') p.delete(k);
          else p.set(k, v);
        }
        if (!keepPage) p.delete('page');
        return p;
      },
      { replace: true },
    );
  };

  // Search as the user types (after a short pause); Enter searches at once.
  const applyQ = (text: string) => {
    const q = text.trim();
    if (q !== (params.get('q') ?? '')) update({ q: q || undefined });
  };
  useEffect(() => {
    const id = window.setTimeout(() => applyQ(qText), 400);
    return () => window.clearTimeout(id);
    // Only the typed text restarts the pause.
  }, [qText]);

  const list = useQuery({
    queryKey: qk.users(filter),
    queryFn: ({ signal }) => usersApi.list(filter, signal),
    placeholderData: keepPreviousData,
  });

  const roleOptions = ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r], lang) }));

  const columns: TableColumnsType<UserOut> = [
    {
      title: t('users.col.username'),
      dataIndex: 'username',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t('users.col.fullName'), dataIndex: 'fullName' },
    { title: t('users.col.role'), dataIndex: 'role', render: (r: Role) => pick(ROLE_LABELS[r], lang) },
    {
      title: t('users.col.area'),
      key: 'area',
      render: (_: unknown, u) => (
        <span>
          {u.areaName} <Typography.Text type="secondary">({u.areaCode})</Typography.Text>
        </span>
      ),
    },
    {
      title: t('users.col.status'),
      dataIndex: 'disabled',
      render: (d: boolean) =>
        d ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>,
    },
    {
      title: t('users.col.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (v: string | null) =>
        v ? formatDateTime(v) : <Typography.Text type="secondary">{t('users.never')}</Typography.Text>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" data-testid={`user-edit-${u.username}`} onClick={() => setDialog({ kind: 'edit', user: u })}>
            {t('users.edit')}
          </Button>
          <Button type="link" size="small" data-testid={`user-reset-${u.username}`} onClick={() => setDialog({ kind: 'reset', user: u })}>
            {t('users.resetPassword')}
          </Button>
        </Space>
      ),
    },
  ];

  const hasFilters = !!(filter.q || filter.role || filter.areaCode || filter.disabled);

  return (
    <div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Title level={3} className="page-title">
          {t('users.title')}
        </Typography.Title>
        <Button type="primary" data-testid="users-create" onClick={() => setDialog({ kind: 'create' })}>
          {t('users.create')}
        </Button>
      </div>
      <Typography.Text className="page-intro">{t('users.intro')}</Typography.Text>

      <div className="filters no-print" role="search">
        <div data-testid="users-search" style={{ width: 280 }}>
          <Input
            type="search"
            aria-label={t('users.search')}
            placeholder={t('users.search')}
            allowClear
            value={qText}
            onChange={(e) => setQText(e.target.value)}
            onPressEnter={() => applyQ(qText)}
          />
        </div>
        <Select
          data-testid="users-filter-role"
          aria-label={t('users.filterRole')}
          placeholder={t('users.filterRole')}
          allowClear
          options={roleOptions}
          value={filter.role}
          onChange={(v?: Role) => update({ role: v })}
          style={{ width: 220 }}
        />
        <AreaCodeInput
          testId="users-filter-area"
          placeholder={t('users.filterArea')}
          value={areaText}
          allowClear
          onChange={(v) => {
            setAreaText(v);
            const code = v.trim();
            if (code === '' || CODE_RE.test(code)) update({ areaCode: code || undefined });
          }}
          style={{ width: 220 }}
        />
        <Select
          data-testid="users-filter-status"
          aria-label={t('users.filterStatus')}
          placeholder={t('users.filterStatus')}
          allowClear
          value={filter.disabled}
          onChange={(v?: 'true' | 'false') => update({ disabled: v })}
          options={[
            { value: 'false', label: t('users.active') },
            { value: 'true', label: t('users.disabled') },
          ]}
          style={{ width: 180 }}
        />
        {hasFilters && (
          <Button onClick={() => update({ q: undefined, role: undefined, areaCode: undefined, disabled: undefined })}>
            {t('common.clearFilters')}
          </Button>
        )}
      </div>

      {list.error && (
        <Alert
          role="alert"
          type="error"
          showIcon
          title={errorText(list.error)}
          action={
            <Button size="small" onClick={() => void list.refetch()}>
              {t('common.retry')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}

      <div data-testid="users-table">
        <Table<UserOut>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('users.empty') }}
          pagination={{
            current: list.data?.page ?? filter.page,
            pageSize: list.data?.pageSize ?? filter.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total, [from, to]) => t('common.range', { from, to, total }),
          }}
          onChange={(p) =>
            update({ page: String(p.current ?? 1), pageSize: String(p.pageSize ?? filter.pageSize) }, true)
          }
        />
      </div>

      {dialog?.kind === 'create' && <CreateUserModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <EditUserModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
    </div>
  );
}
