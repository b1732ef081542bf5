import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Card, Table, Tag, Timeline, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { HOUSEHOLD_STATES, RELATIONS, RESIDENCES } from '@ansinh/domain';
import type { Gender, HouseholdOut } from '@ansinh/domain';
import { registryApi, registryKeys } from './api';
import { formatDateTime } from '../../kernel/format';
import { useLang, useT } from '../../kernel/i18n';
import { DetailFallback, useRouteRecord } from '../../components/DetailFallback';
import { EditHouseholdModal, EVENT_LABELS, HouseholdEventModal } from './HouseholdForms';
import { AddMemberModal } from './PersonForms';
import { GrantStatusModal, StatusesTable } from './StatusForms';
import { CardButton, LinkButton } from '../../components/buttons';
import { codeLabel, genderLabel, PersonStateTags, RegistryHead, useCanWrite } from './shared';
import { FactsCard, TimelineEntry } from '../../components/records';
import { showDate, showPartialDate } from '../../kernel/format';
import { dataCell } from '../../kernel/format';

type Member = HouseholdOut['members'][number];
type Dialog = 'edit' | 'member' | 'grant' | 'event' | null;

export default function HouseholdPage() {
  const t = useT();
  const { lang } = useLang();
  const canWrite = useCanWrite();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { valid, query } = useRouteRecord(registryKeys.household, registryApi.household);

  const h = query.data;
  if (!valid || query.error || !h) return <DetailFallback valid={valid} query={query} />;

  const active = h.state === 'active';
  const memberColumns: TableColumnsType<Member> = [
    {
      onCell: dataCell,
      title: t('persons.col.name'),
      key: 'name',
      render: (_: unknown, m) => (
        <span>
          <Link to={`/registry/persons/${m.id}`} translate="no">
            {m.fullName}
          </Link>{' '}
          <PersonStateTags deceasedOn={m.deceasedOn} movedOutOn={m.movedOutOn} />
        </span>
      ),
    },
    {
      title: t('household.col.relation'),
      dataIndex: 'relation',
      render: (r: string | null) => codeLabel(RELATIONS, r, lang),
    },
    { title: t('persons.col.gender'), dataIndex: 'gender', render: (g: Gender) => genderLabel(g, lang) },
    { title: t('persons.col.birthDate'), dataIndex: 'birthDate', render: (d: string) => showPartialDate(d) },
    { title: t('persons.col.citizenId'), dataIndex: 'citizenId', render: (v: string | null) => v ?? '' },
    {
      onCell: dataCell,
      title: t('household.col.ethnic'),
      dataIndex: 'ethnicName',
      render: (v: string | null) => v ?? '',
    },
    { title: t('household.col.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '' },
  ];

  // Newest first, like the person's timeline.
  const events = [...h.events].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id));

  return (
    <div>
      <RegistryHead
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

      {!active && <Alert type="info" showIcon title={t('household.inactive')} style={{ marginBottom: 16 }} />}

      <div className="registry-cards">
        <FactsCard
          title={t('household.details')}
          extra={
            canWrite && (
              <CardButton testId="household-edit" onClick={() => setDialog('edit')}>
                {t('household.edit')}
              </CardButton>
            )
          }
          items={[
            { key: 'code', label: t('household.field.code'), children: h.code },
            {
              key: 'head',
              label: t('household.field.head'),
              children: h.headPersonId ? (
                <Link to={`/registry/persons/${h.headPersonId}`} translate="no">
                  {h.headName}
                </Link>
              ) : (
                <Typography.Text type="secondary">{t('household.noHead')}</Typography.Text>
              ),
            },
            {
              key: 'commune',
              label: t('household.field.commune'),
              children: <span translate="no">{`${h.communeName} (${h.communeCode})`}</span>,
            },
            {
              key: 'village',
              label: t('household.field.village'),
              children: <span translate="no">{h.village ?? ''}</span>,
            },
            {
              key: 'address',
              label: t('household.field.address'),
              children: <span translate="no">{h.address ?? ''}</span>,
            },
            {
              key: 'residence',
              label: t('household.field.residence'),
              children: codeLabel(RESIDENCES, h.residence, lang),
            },
            { key: 'phone', label: t('household.field.phone'), children: h.phone ?? '' },
            { key: 'updated', label: t('registry.updatedAt'), children: formatDateTime(h.updatedAt) },
          ]}
        />

        <Card
          title={t('household.members', { count: h.members.length })}
          extra={
            canWrite &&
            active && (
              <CardButton primary testId="household-add-member" onClick={() => setDialog('member')}>
                {t('household.addMember')}
              </CardButton>
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
              <CardButton testId="household-grant" onClick={() => setDialog('grant')}>
                {t('household.grant')}
              </CardButton>
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
              <CardButton testId="household-record-event" onClick={() => setDialog('event')}>
                {t('household.recordEvent')}
              </CardButton>
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
                    <TimelineEntry
                      date={showDate(e.date)}
                      title={EVENT_LABELS[e.kind] ? t(EVENT_LABELS[e.kind]!) : e.kind}
                    >
                      {e.relatedHouseholdCode ? (
                        <Typography.Text>
                          {t('household.event.related', { code: e.relatedHouseholdCode })}
                        </Typography.Text>
                      ) : null}
                      {e.note ? <Typography.Text type="secondary">{e.note}</Typography.Text> : null}
                    </TimelineEntry>
                  ),
                }))}
              />
            </div>
          )}
        </Card>
      </div>

      {dialog === 'edit' && <EditHouseholdModal household={h} onClose={() => setDialog(null)} />}
      {dialog === 'member' && <AddMemberModal household={h} onClose={() => setDialog(null)} />}
      {dialog === 'grant' && (
        <GrantStatusModal subject={{ kind: 'household', id: h.id, code: h.code }} onClose={() => setDialog(null)} />
      )}
      {dialog === 'event' && <HouseholdEventModal household={h} onClose={() => setDialog(null)} />}
    </div>
  );
}
