import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatDateVi, HOUSEHOLD_STATES, RELATIONS, RESIDENCES } from '@ansinh/domain';
import type { Gender, HouseholdOut } from '@ansinh/domain';
import { ApiError } from '../../api/client';
import { qk, registryApi } from '../../api/endpoints';
import { useErrorText } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useLang, useT } from '../../app/i18n';
import { NotFoundPage } from '../../app/pages';
import { EditHouseholdModal, EVENT_LABELS, HouseholdEventModal } from './HouseholdForms';
import { AddMemberModal } from './PersonForms';
import { GrantStatusModal, StatusesTable } from './StatusForms';
import { codeLabel, genderLabel, LinkButton, PageHead, PersonStateTags, RegistryTabs, showPartialDate, useCanWrite } from './shared';

type Member = HouseholdOut['members'][number];
type Dialog = 'edit' | 'member' | 'grant' | 'event' | null;

function showDate(iso: string): string {
  try {
    return formatDateVi(iso);
  } catch {
    return iso;
  }
}

export default function HouseholdPage() {
  const t = useT();
  const { lang } = useLang();
  const errorText = useErrorText();
  const canWrite = useCanWrite();
  const [dialog, setDialog] = useState<Dialog>(null);
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;

  const query = useQuery({
    queryKey: qk.household(id),
    queryFn: ({ signal }) => registryApi.household(id, signal),
    enabled: valid,
  });

  if (!valid || (query.error instanceof ApiError && query.error.status === 404)) return <NotFoundPage />;
  if (query.error) {
    return (
      <Result
        status="warning"
        title={errorText(query.error)}
        extra={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const h = query.data;
  if (!h) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }} role="status">
        <Spin />
      </div>
    );
  }

  const active = h.state === 'active';
  const memberColumns: TableColumnsType<Member> = [
    {
      title: t('persons.col.name'),
      key: 'name',
      render: (_: unknown, m) => (
        <span>
          <Link to={`/registry/persons/${m.id}`}>{m.fullName}</Link> <PersonStateTags deceasedOn={m.deceasedOn} movedOutOn={m.movedOutOn} />
        </span>
      ),
    },
    { title: t('household.col.relation'), dataIndex: 'relation', render: (r: string | null) => codeLabel(RELATIONS, r, lang) },
    { title: t('persons.col.gender'), dataIndex: 'gender', render: (g: Gender) => genderLabel(g, lang) },
    { title: t('persons.col.birthDate'), dataIndex: 'birthDate', render: (d: string) => showPartialDate(d) },
    { title: t('persons.col.citizenId'), dataIndex: 'citizenId', render: (v: string | null) => v ?? '' },
    { title: t('household.col.ethnic'), dataIndex: 'ethnicName', render: (v: string | null) => v ?? '' },
    { title: t('household.col.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '' },
  ];

  // Newest first, like the person's timeline.
  const events = [...h.events].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id));

  return (
    <div>
      <PageHead
        title={
          <>
            {t('household.titlePrefix')} <span data-testid="household-code">{h.code}</span>{' '}
            <Tag color={active ? 'green' : undefined} style={{ verticalAlign: 'middle' }}>
              {codeLabel(HOUSEHOLD_STATES, h.state, lang)}
            </Tag>
          </>
        }
        extra={<LinkButton to="/registry/households">{t('household.back')}</LinkButton>}
      />
      <RegistryTabs />

      {!active && <Alert type="info" showIcon title={t('household.inactive')} style={{ marginBottom: 16 }} />}

      <div className="registry-cards">
        <Card
          title={t('household.details')}
          extra={
            canWrite && (
              <Button size="small" className="no-print" data-testid="household-edit" onClick={() => setDialog('edit')}>
                {t('household.edit')}
              </Button>
            )
          }
        >
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              { key: 'code', label: t('household.field.code'), children: h.code },
              {
                key: 'head',
                label: t('household.field.head'),
                children: h.headPersonId ? (
                  <Link to={`/registry/persons/${h.headPersonId}`}>{h.headName}</Link>
                ) : (
                  <Typography.Text type="secondary">{t('household.noHead')}</Typography.Text>
                ),
              },
              { key: 'commune', label: t('household.field.commune'), children: `${h.communeName} (${h.communeCode})` },
              { key: 'village', label: t('household.field.village'), children: h.village ?? '' },
              { key: 'address', label: t('household.field.address'), children: h.address ?? '' },
              { key: 'residence', label: t('household.field.residence'), children: codeLabel(RESIDENCES, h.residence, lang) },
              { key: 'phone', label: t('household.field.phone'), children: h.phone ?? '' },
              { key: 'updated', label: t('registry.updatedAt'), children: formatDateTime(h.updatedAt) },
            ]}
          />
        </Card>

        <Card
          title={t('household.members', { count: h.members.length })}
          extra={
            canWrite &&
            active && (
              <Button size="small" type="primary" className="no-print" data-testid="household-add-member" onClick={() => setDialog('member')}>
                {t('household.addMember')}
              </Button>
            )
          }
        >
          <div data-testid="household-members" className="table-box">
            <Table<Member>
              rowKey="id"
              size="small"
              columns={memberColumns}
              dataSource={h.members}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: canWrite ? t('household.noMembersWriter') : t('household.noMembers') }}
            />
          </div>
        </Card>

        <Card
          title={t('household.statuses')}
          extra={
            canWrite &&
            active && (
              <Button size="small" className="no-print" data-testid="household-grant" onClick={() => setDialog('grant')}>
                {t('household.grant')}
              </Button>
            )
          }
        >
          <Typography.Paragraph type="secondary">{t('household.statusesHelp')}</Typography.Paragraph>
          <StatusesTable statuses={h.statuses} canWrite={canWrite} testId="household-statuses" />
        </Card>

        <Card
          title={t('household.history')}
          extra={
            canWrite &&
            active && (
              <Button size="small" className="no-print" data-testid="household-record-event" onClick={() => setDialog('event')}>
                {t('household.recordEvent')}
              </Button>
            )
          }
        >
          {events.length === 0 ? (
            <Typography.Text type="secondary">{t('household.noEvents')}</Typography.Text>
          ) : (
            <div data-testid="household-events">
              <Timeline
                items={events.map((e) => ({
                  key: e.id,
                  content: (
                    <Space orientation="vertical" size={0}>
                      <Typography.Text type="secondary">{showDate(e.date)}</Typography.Text>
                      <Typography.Text strong>{EVENT_LABELS[e.kind] ? t(EVENT_LABELS[e.kind]!) : e.kind}</Typography.Text>
                      {e.relatedHouseholdCode ? (
                        <Typography.Text>{t('household.event.related', { code: e.relatedHouseholdCode })}</Typography.Text>
                      ) : null}
                      {e.note ? <Typography.Text type="secondary">{e.note}</Typography.Text> : null}
                    </Space>
                  ),
                }))}
              />
            </div>
          )}
        </Card>
      </div>

      {dialog === 'edit' && <EditHouseholdModal household={h} onClose={() => setDialog(null)} />}
      {dialog === 'member' && <AddMemberModal household={h} onClose={() => setDialog(null)} />}
      {dialog === 'grant' && <GrantStatusModal subject={{ kind: 'household', id: h.id, code: h.code }} onClose={() => setDialog(null)} />}
      {dialog === 'event' && <HouseholdEventModal household={h} onClose={() => setDialog(null)} />}
    </div>
  );
}
