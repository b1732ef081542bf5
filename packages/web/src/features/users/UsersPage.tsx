import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Button, Input, Select, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ROLES, ROLE_LABELS } from '@ansinh/domain';
import type { Role, UserOut } from '@ansinh/domain';
import { usersApi, usersKeys } from './api';
import type { UsersFilter } from './api';
import { formatDateTime } from '../../kernel/format';
import { pick, useLang, useT } from '../../kernel/i18n';
import { pageParams, useDebouncedParam, useUrlFilters } from '../../kernel/urlFilters';
import { PageHead } from '../../components/PageHead';
import { FiltersBar } from '../../components/filters';
import { PagedTable } from '../../components/PagedTable';
import { AreaCodeInput, isAreaCode } from '../areas';
import { CreateUserModal, EditUserModal, ResetPasswordModal, useRoleOptions } from './UserForms';
import { dataCell } from '../../kernel/format';

const FILTER_KEYS = ['q', 'role', 'areaCode', 'disabled'];

function isRole(v: string | null): v is Role {
  return v !== null && (ROLES as readonly string[]).includes(v);
}

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserOut } | { kind: 'reset'; user: UserOut } | null;

export default function UsersPage() {
  const t = useT();
  const { lang } = useLang();
  const url = useUrlFilters();
  const { params, update } = url;
  const [dialog, setDialog] = useState<Dialog>(null);
  const roleOptions = useRoleOptions();

  const role = params.get('role');
  const disabled = params.get('disabled');
  const filter: UsersFilter = {
    q: params.get('q') || undefined,
    role: isRole(role) ? role : undefined,
    areaCode: params.get('areaCode') || undefined,
    disabled: disabled === 'true' || disabled === 'false' ? disabled : undefined,
    ...pageParams(params, 20),
  };

  // Search as the user types (after a short pause); Enter searches at once.
  const q = useDebouncedParam(url, 'q');
  // The area filters as soon as the code is whole, with no pause: a code is short and exact.
  const [areaText, setAreaText] = useState(filter.areaCode ?? '');
  useEffect(() => setAreaText(params.get('areaCode') ?? ''), [params]);

  const list = useQuery({
    queryKey: usersKeys.list(filter),
    queryFn: ({ signal }) => usersApi.list(filter, signal),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<UserOut> = [
    {
      onCell: dataCell,
      title: t('users.col.username'),
      dataIndex: 'username',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { onCell: dataCell, title: t('users.col.fullName'), dataIndex: 'fullName' },
    { title: t('users.col.role'), dataIndex: 'role', render: (r: Role) => pick(ROLE_LABELS[r], lang) },
    {
      onCell: dataCell,
      title: t('users.col.area'),
      key: 'area',
      render: (_: unknown, u) => (
        <span>
          {u.areaName} <Typography.Text type="secondary">({u.areaCode})</Typography.Text>
        </span>
      ),
    },
    {
      title: t('users.col.agency'),
      dataIndex: 'agencyCode',
      render: (v: string | null | undefined) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
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
      onCell: dataCell,
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, u) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            data-testid={`user-edit-${u.username}`}
            onClick={() => setDialog({ kind: 'edit', user: u })}
          >
            {t('users.edit')}
          </Button>
          <Button
            type="link"
            size="small"
            data-testid={`user-reset-${u.username}`}
            onClick={() => setDialog({ kind: 'reset', user: u })}
          >
            {t('users.resetPassword')}
          </Button>
        </Space>
      ),
    },
  ];

  const hasFilters = !!(filter.q || filter.role || filter.areaCode || filter.disabled);

  return (
    <div>
      <PageHead
        title={t('users.title')}
        intro={t('users.intro')}
        extra={
          <Space wrap>
            <Link to="/users/agencies" data-testid="users-agencies">
              {t('agencies.open')}
            </Link>
            <Button type="primary" data-testid="users-create" onClick={() => setDialog({ kind: 'create' })}>
              {t('users.create')}
            </Button>
          </Space>
        }
      />

      <FiltersBar className="no-print" role="search" onClear={hasFilters ? () => url.clear(FILTER_KEYS) : undefined}>
        <div data-testid="users-search" style={{ width: 280 }}>
          <Input
            type="search"
            aria-label={t('users.search')}
            placeholder={t('users.search')}
            allowClear
            value={q.text}
            onChange={(e) => q.setText(e.target.value)}
            onPressEnter={() => q.commit(q.text)}
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
            if (code === '' || isAreaCode(code)) update({ areaCode: code || undefined });
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
      </FiltersBar>

      <PagedTable<UserOut>
        query={list}
        page={filter}
        onPage={url.setPage}
        columns={columns}
        emptyText={t('users.empty')}
        testId="users-table"
      />

      {dialog?.kind === 'create' && <CreateUserModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <EditUserModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
    </div>
  );
}
