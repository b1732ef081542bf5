import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Spin, Timeline, Typography } from 'antd';
import { DISABILITY_DEGREES, RELATIONS } from '@ansinh/domain';
import type { PersonOut } from '@ansinh/domain';
import { registryApi, registryKeys } from './api';
import { useErrorText } from '../../kernel/errors';
import { formatDateTime } from '../../kernel/format';
import { useLang, useT } from '../../kernel/i18n';
import { DetailFallback, useRouteRecord } from '../../components/DetailFallback';
import { EditPersonModal } from './PersonForms';
import { GrantStatusModal, StatusesTable } from './StatusForms';
import { CardButton, LinkButton } from '../../components/buttons';
import { codeLabel, genderLabel, PersonStateTags, RegistryHead, useCanWrite } from './shared';
import { FactsCard, TimelineEntry } from '../../components/records';
import { showDate, showPartialDate } from '../../kernel/format';

type Dialog = 'edit' | 'grant' | null;

/** The server writes dates inside timeline details as YYYY-MM-DD; officers read dd/mm/yyyy. */
function viDates(text: string): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3/$2/$1');
}

function PersonTimeline({ person }: { person: PersonOut }) {
  const t = useT();
  const errorText = useErrorText();
  const timeline = useQuery({
    queryKey: registryKeys.timeline(person.id),
    queryFn: ({ signal }) => registryApi.timeline(person.id, signal),
  });
  if (timeline.error) return <Alert type="error" showIcon title={errorText(timeline.error)} />;
  if (!timeline.data) return <Spin />;
  // Newest first (the server sends them so; sorted again so the order never depends on it).
  const items = [...timeline.data.items].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  if (items.length === 0) return <Typography.Text type="secondary">{t('person.timelineEmpty')}</Typography.Text>;
  return (
    <Timeline
      items={items.map((e, i) => ({
        key: `${e.at}-${e.kind}-${i}`,
        color:
          e.kind.endsWith('.end') || e.kind === 'person.deceased'
            ? 'gray'
            : e.kind.startsWith('status.')
              ? 'green'
              : 'blue',
        content: (
          <TimelineEntry date={showDate(e.at)} title={e.title}>
            {e.detail ? <Typography.Text>{viDates(e.detail)}</Typography.Text> : null}
            {e.by ? <Typography.Text type="secondary">{t('person.timelineBy', { by: e.by })}</Typography.Text> : null}
          </TimelineEntry>
        ),
      }))}
    />
  );
}

export default function PersonPage() {
  const t = useT();
  const { lang } = useLang();
  const canWrite = useCanWrite();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { valid, query } = useRouteRecord(registryKeys.person, registryApi.person);

  const p = query.data;
  if (!valid || query.error || !p) return <DetailFallback valid={valid} query={query} />;

  const merged = p.mergedIntoId !== null;
  const writable = canWrite && !merged;

  return (
    <div>
      <RegistryHead
        title={
          <>
            <span data-testid="person-name" translate="no">
              {p.fullName}
            </span>{' '}
            <PersonStateTags deceasedOn={p.deceasedOn} movedOutOn={p.movedOutOn} />
          </>
        }
        extra={
          <>
            {/* The person's employment page (labour supply, counselling, jobs) beside this one. */}
            <LinkButton to={`/employment/registry/${p.id}`} data-testid="person-employment">
              {t('person.employment')}
            </LinkButton>{' '}
            <LinkButton to="/registry">{t('person.back')}</LinkButton>
          </>
        }
      />

      {merged && (
        <Alert
          type="info"
          showIcon
          title={t('person.merged')}
          action={<Link to={`/registry/persons/${p.mergedIntoId}`}>{t('person.openKept')}</Link>}
          style={{ marginBottom: 16 }}
        />
      )}
      {p.idWarnings.length > 0 && (
        <Alert
          data-testid="person-id-warnings"
          type="warning"
          showIcon
          title={t('person.idWarningsTitle')}
          description={
            <ul className="plain-list">
              {p.idWarnings.map((w) => (
                <li key={w.code}>{w.message}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
        />
      )}

      <div className="registry-cards">
        <FactsCard
          title={t('person.details')}
          extra={
            writable && (
              <CardButton testId="person-edit" onClick={() => setDialog('edit')}>
                {t('person.edit')}
              </CardButton>
            )
          }
          items={[
            { key: 'name', label: t('person.field.fullName'), children: <span translate="no">{p.fullName}</span> },
            { key: 'gender', label: t('person.field.gender'), children: genderLabel(p.gender, lang) },
            { key: 'birth', label: t('person.field.birthDate'), children: showPartialDate(p.birthDate) },
            { key: 'cid', label: t('person.field.citizenId'), children: p.citizenId ?? '' },
            ...(p.oldIdNumber ? [{ key: 'old', label: t('person.field.oldId'), children: p.oldIdNumber }] : []),
            {
              key: 'ethnic',
              label: t('person.field.ethnic'),
              children: <span translate="no">{p.ethnicName ?? ''}</span>,
            },
            { key: 'phone', label: t('person.field.phone'), children: p.phone ?? '' },
            {
              key: 'disability',
              label: t('person.field.disability'),
              children: p.disability
                ? codeLabel(DISABILITY_DEGREES, p.disability, lang)
                : t('person.form.disabilityNone'),
            },
            {
              key: 'household',
              label: t('person.field.household'),
              children:
                p.householdId && p.householdCode ? (
                  <span>
                    <Link to={`/registry/households/${p.householdId}`}>{p.householdCode}</Link>
                    {p.relation ? ` · ${codeLabel(RELATIONS, p.relation, lang)}` : ''}
                  </span>
                ) : (
                  <Typography.Text type="secondary">{t('person.noHousehold')}</Typography.Text>
                ),
            },
            {
              key: 'commune',
              label: t('person.field.commune'),
              children: <span translate="no">{`${p.communeName} (${p.communeCode})`}</span>,
            },
            {
              key: 'village',
              label: t('person.field.village'),
              children: <span translate="no">{p.village ?? ''}</span>,
            },
            ...(p.deceasedOn
              ? [{ key: 'dead', label: t('person.field.deceasedOn'), children: showDate(p.deceasedOn) }]
              : []),
            ...(p.movedOutOn
              ? [{ key: 'moved', label: t('person.field.movedOutOn'), children: showDate(p.movedOutOn) }]
              : []),
            { key: 'updated', label: t('registry.updatedAt'), children: formatDateTime(p.updatedAt) },
          ]}
        />

        <Card
          title={t('person.statuses')}
          extra={
            writable && (
              <CardButton testId="person-grant" onClick={() => setDialog('grant')}>
                {t('person.grant')}
              </CardButton>
            )
          }
        >
          <Typography.Paragraph type="secondary">{t('person.statusesHelp')}</Typography.Paragraph>
          <StatusesTable statuses={p.statuses} canWrite={writable} testId="person-statuses" />
        </Card>

        <Card title={t('person.timeline')}>
          <div data-testid="timeline">
            <PersonTimeline person={p} />
          </div>
        </Card>
      </div>

      {dialog === 'edit' && <EditPersonModal person={p} onClose={() => setDialog(null)} />}
      {dialog === 'grant' && (
        <GrantStatusModal subject={{ kind: 'person', id: p.id, name: p.fullName }} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
