import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, List, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { SUPPLY_CATALOGUES, type Catalogue } from '@ansinh/domain';
import { formatDate } from '../../kernel/format';
import { TN, type MessageKey, useLang, useT } from '../../kernel/i18n';
import { LoadError } from '../../components/LoadError';
import { ek, employmentApi } from './api';

/** A person's employment page: the TT 01/2022 record and what the centre did, beside the registry page. */
export default function PersonEmploymentPage({ by }: { by: 'supply' | 'persons' }) {
  const id = Number(useParams().id);
  const t = useT();
  const { lang } = useLang();
  const q = useQuery({ queryKey: ek.person(by, id), queryFn: ({ signal }) => employmentApi.person(by, id, signal) });
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  if (!d) return null;
  if (!d.supply) return <Typography.Paragraph>{t('employment.person.none')}</Typography.Paragraph>;
  const s = d.supply;
  const label = (c: Catalogue, code: string | null) => {
    const o = c.options.find((x) => x.code === code);
    return o ? (lang === 'en' ? o.en : o.vi) : '—';
  };
  return (
    <>
      <Typography.Title level={1} className="page-title">
        <TN k="employment.person.title" p={{ name: s.fullName }} />
      </Typography.Title>
      {s.personId && (
        <Typography.Paragraph>
          <Link to={`/registry/persons/${s.personId}`}>→ {t('nav.registry')}</Link>
        </Typography.Paragraph>
      )}
      <Descriptions size="small" bordered column={2} data-testid="person-supply">
        <Descriptions.Item label="CCCD">{s.citizenId}</Descriptions.Item>
        <Descriptions.Item label={t('employment.person.status')}>
          {label(SUPPLY_CATALOGUES.employmentStatus, s.employmentStatus)}
        </Descriptions.Item>
        <Descriptions.Item label={t('employment.person.qualification')}>
          {label(SUPPLY_CATALOGUES.qualification, s.qualification)}
        </Descriptions.Item>
        <Descriptions.Item label={t('employment.person.needs')}>
          {s.needs.map((n) => label(SUPPLY_CATALOGUES.needs, n)).join(', ') || '—'}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('employment.person.jobs')} style={{ marginTop: 12 }}>
        <List
          dataSource={d.jobs}
          data-testid="person-jobs"
          locale={{ emptyText: t('employment.none') }}
          renderItem={(j) => (
            <List.Item>
              {formatDate(j.date)} · {t(`employment.channel.${j.channel}` as MessageKey)} ·{' '}
              {j.counted ? t('employment.person.counted') : t('employment.person.notCounted')}
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('employment.person.placements')} style={{ marginTop: 12 }}>
        <List
          dataSource={d.placements}
          locale={{ emptyText: t('employment.none') }}
          renderItem={(p) => (
            <List.Item>
              {formatDate(p.startDate)} · {p.title} — {p.employerName} · {t('employment.person.followUp')}:{' '}
              {p.followUp.complete
                ? t('employment.person.followUpDone')
                : p.followUp.next
                  ? t('employment.person.followUpNext', {
                      month: p.followUp.next.month,
                      due: formatDate(p.followUp.next.due),
                    })
                  : '—'}
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('employment.person.enrolments')} style={{ marginTop: 12 }}>
        <List
          dataSource={d.enrolments}
          locale={{ emptyText: t('employment.none') }}
          renderItem={(n) => <List.Item>{n.courseName}</List.Item>}
        />
      </Card>
      <Card size="small" title={t('employment.person.abroad')} style={{ marginTop: 12 }}>
        <List
          dataSource={d.abroad}
          locale={{ emptyText: t('employment.none') }}
          renderItem={(a) => (
            <List.Item>
              {a.country} · {a.company ?? '—'} · {a.registrationDue ? formatDate(a.registrationDue) : ''}
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('employment.person.counselling')} style={{ marginTop: 12 }}>
        <List
          dataSource={d.counselling}
          locale={{ emptyText: t('employment.none') }}
          renderItem={(c) => (
            <List.Item>
              {formatDate(c.date)} · {c.topic}
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
